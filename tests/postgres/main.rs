//! The tests that need a PostgreSQL server, in a test target of their own.
//!
//! The built-in test harness can only ignore a test when it is compiled; these
//! must decide when they run, by whether `SANCTIONS_TEST_POSTGRES_URL` names a
//! server. So this target has `harness = false` and runs its tests through
//! libtest-mimic, which takes the same flags (filters, `--ignored`,
//! `--test-threads`, `--list`) and prints the same lines: without a server each
//! test that needs one is reported `ignored` and counted as ignored, never
//! `ok`; with `CI` set a missing server fails them; `.ci/run` starts one, so
//! there they run. The lost-server test starts a cluster of its own from the
//! PostgreSQL binaries (`lost.rs`), and is ignored without them the same way.

use libtest_mimic::{Arguments, Completion, Failed, Trial};

#[allow(dead_code, unused_imports)]
#[path = "../integration/canonical.rs"]
mod canonical;
#[allow(dead_code)]
#[path = "../integration/common.rs"]
mod common;
#[allow(dead_code)]
#[path = "../integration/contract.rs"]
mod contract;
mod lost;
mod resume;
mod server;
mod sink;

/// A test that needs the server, given its URL.
type WithServer = fn(&str);

/// The tests that need the server.
const WITH_SERVER: &[(&str, WithServer)] = &[
    (
        "postgres_holds_the_same_rows_as_sqlite",
        sink::postgres_holds_the_same_rows_as_sqlite,
    ),
    (
        "postgres_re_runs_skip_stored_articles_or_replace_them",
        sink::postgres_re_runs_skip_stored_articles_or_replace_them,
    ),
    (
        "postgres_rows_are_replaced_and_odd_text_survives",
        sink::postgres_rows_are_replaced_and_odd_text_survives,
    ),
    (
        "concurrent_shards_fill_one_postgres_database_like_one_run",
        sink::concurrent_shards_fill_one_postgres_database_like_one_run,
    ),
    ("postgres_resumes_after_kill_9", resume::postgres_resumes_after_kill_9),
    (
        "postgres_canonical_events_are_the_same_whatever_the_order_of_runs",
        sink::postgres_canonical_events_are_the_same_whatever_the_order_of_runs,
    ),
    (
        "postgres_keeps_articles_with_the_same_id_apart",
        sink::postgres_keeps_articles_with_the_same_id_apart,
    ),
];

/// The tests that need no server.
const WITHOUT_SERVER: &[(&str, fn())] = &[(
    "a_database_that_cannot_be_reached_is_named_without_its_password",
    sink::a_database_that_cannot_be_reached_is_named_without_its_password,
)];

fn main() {
    let args = Arguments::from_args();
    let server = server::url();
    let mut trials: Vec<Trial> = WITH_SERVER
        .iter()
        .map(|&(name, test)| {
            let server = server.clone();
            Trial::ignorable_test(name, move || match server {
                Ok(Some(url)) => {
                    test(&url);
                    Ok(Completion::Completed)
                }
                Ok(None) => Ok(Completion::ignored_with(format!(
                    "no PostgreSQL server: set {} to run it",
                    server::URL_VARIABLE
                ))),
                Err(why) => Err(Failed::from(why)),
            })
        })
        .collect();
    let binaries = lost::binaries();
    trials.push(Trial::ignorable_test(
        "a_lost_postgres_server_stops_the_run_and_a_rerun_completes",
        move || match binaries {
            Ok(Some(bin)) => {
                lost::a_lost_postgres_server_stops_the_run_and_a_rerun_completes(&bin);
                Ok(Completion::Completed)
            }
            Ok(None) => Ok(Completion::ignored_with(
                "no PostgreSQL binaries: set SANCTIONS_TEST_PG_BIN to the folder of initdb and pg_ctl",
            )),
            Err(why) => Err(Failed::from(why)),
        },
    ));
    trials.extend(WITHOUT_SERVER.iter().map(|&(name, test)| {
        Trial::test(name, move || {
            test();
            Ok(())
        })
    }));
    trials.sort_by(|a, b| a.name().cmp(b.name()));
    libtest_mimic::run(&args, trials).exit();
}
