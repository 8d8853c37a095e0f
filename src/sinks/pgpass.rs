//! The password file of PostgreSQL's own clients: `~/.pgpass`, or the file
//! `PGPASSFILE` names, read as libpq reads it, so that a connection that works
//! with `psql` works here without a password in the URL.
//!
//! Each line is `host:port:database:user:password`; `*` in the first four
//! fields matches anything; `\:` and `\\` stand for `:` and `\`; lines starting
//! with `#` are comments. The first line that matches gives the password. A
//! connection over a Unix socket matches the host `localhost`, as in libpq.

use postgres::Config;
use postgres::config::Host;
use std::path::PathBuf;

/// The file libpq would read: `PGPASSFILE`, else `~/.pgpass`.
pub fn path() -> Option<PathBuf> {
    std::env::var_os("PGPASSFILE")
        .map(PathBuf::from)
        .or_else(|| std::env::home_dir().map(|home| home.join(".pgpass")))
}

/// The password the password file gives for the connection `config` names.
pub fn password_for(config: &Config) -> Option<String> {
    let text = std::fs::read_to_string(path()?).ok()?;
    let host = match config.get_hosts().first() {
        Some(Host::Tcp(host)) => host.as_str(),
        _ => "localhost",
    };
    let port = config.get_ports().first().copied().unwrap_or(5432).to_string();
    let user = config.get_user()?;
    let database = config.get_dbname().unwrap_or(user);
    lookup(&text, [host, &port, database, user])
}

/// The password of the first line of `text` whose host, port, database and
/// user fields match `wanted`.
fn lookup(text: &str, wanted: [&str; 4]) -> Option<String> {
    text.lines().filter(|line| !line.starts_with('#')).find_map(|line| {
        let mut fields = fields(line);
        let password = fields.pop()?;
        let matches = fields.len() == 4 && fields.iter().zip(wanted).all(|(field, w)| field == "*" || field == w);
        matches.then_some(password)
    })
}

/// The five fields of a line, unescaped; the last takes the rest of the line.
fn fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => fields.last_mut().expect("one field").extend(chars.next()),
            ':' if fields.len() < 5 => fields.push(String::new()),
            c => fields.last_mut().expect("one field").push(c),
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_matching_line_gives_the_password() {
        let file = "\
# host:port:database:user:password
db.example:5432:news:etl:first
db.example:*:*:etl:second
*:*:*:*:any\\:with\\\\escapes
";
        assert_eq!(
            lookup(file, ["db.example", "5432", "news", "etl"]).as_deref(),
            Some("first")
        );
        assert_eq!(
            lookup(file, ["db.example", "6543", "other", "etl"]).as_deref(),
            Some("second")
        );
        assert_eq!(
            lookup(file, ["localhost", "5432", "news", "reader"]).as_deref(),
            Some("any:with\\escapes")
        );
        assert_eq!(lookup("db:5432:news:etl:pw\n", ["db", "5432", "news", "other"]), None);
        assert_eq!(lookup("too:few:fields\n", ["too", "few", "fields", "x"]), None);
    }

    #[test]
    fn a_connection_is_matched_by_its_host_port_database_and_user() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("pgpass");
        std::fs::write(&file, "127.0.0.1:5433:news:etl:s3cret\nlocalhost:5432:etl:etl:sock\n").unwrap();
        // The variable is read by this test alone in this process.
        unsafe { std::env::set_var("PGPASSFILE", &file) };
        let config = |url: &str| url.parse::<Config>().unwrap();
        assert_eq!(
            password_for(&config("postgres://etl@127.0.0.1:5433/news")).as_deref(),
            Some("s3cret")
        );
        // No database named: the user's name is the database's.
        assert_eq!(
            password_for(&config("host=/run/postgresql user=etl")).as_deref(),
            Some("sock")
        );
        assert_eq!(password_for(&config("postgres://etl@127.0.0.1:5432/news")), None);
        unsafe { std::env::remove_var("PGPASSFILE") };
    }
}
