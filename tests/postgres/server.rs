//! The test server: where to find it, and fresh databases on it.

/// Where the tests find the server.
pub const URL_VARIABLE: &str = "SANCTIONS_TEST_POSTGRES_URL";

/// The server the tests use: `Ok(Some(url))` from `SANCTIONS_TEST_POSTGRES_URL`
/// (which `.ci/run` always sets), `Ok(None)` without it, so that its tests show
/// as ignored; in CI (`CI` set) a missing server is an error, so that they fail.
pub fn url() -> Result<Option<String>, String> {
    match std::env::var(URL_VARIABLE) {
        Ok(url) if !url.is_empty() => Ok(Some(url)),
        _ if std::env::var_os("CI").is_some() => Err(format!(
            "CI must set {URL_VARIABLE}: .ci/run starts a PostgreSQL server"
        )),
        _ => Ok(None),
    }
}

/// A new, empty database `name` on the test server; returns its URL.
pub fn fresh_database(server: &str, name: &str) -> String {
    let mut admin = postgres::Client::connect(server, postgres::NoTls).expect("the test server answers");
    admin
        .batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .unwrap();
    admin.batch_execute(&format!("CREATE DATABASE {name}")).unwrap();
    let (base, query) = match server.split_once('?') {
        Some((base, query)) => (base, format!("?{query}")),
        None => (server, String::new()),
    };
    let (authority, _) = base
        .rsplit_once('/')
        .filter(|(a, _)| a.contains("://") && !a.ends_with('/'))
        .unwrap_or((base, ""));
    format!("{authority}/{name}{query}")
}

/// Every row of every table but `runs`, as JSON text (`to_jsonb`), sorted.
pub fn postgres_dump(url: &str) -> Vec<String> {
    let mut client = postgres::Client::connect(url, postgres::NoTls).unwrap();
    let mut rows = Vec::new();
    for table in sanctions_extract::sinks::rows::ALL_TABLES {
        if table.name == "runs" {
            continue;
        }
        for row in client
            .query(
                &format!("SELECT to_jsonb(t)::text FROM {} t ORDER BY 1", table.name),
                &[],
            )
            .unwrap()
        {
            rows.push(format!("{}: {}", table.name, row.get::<_, String>(0)));
        }
    }
    rows
}

pub fn postgres_count(url: &str, sql: &str) -> i64 {
    let mut client = postgres::Client::connect(url, postgres::NoTls).unwrap();
    client.query_one(sql, &[]).unwrap().get(0)
}
