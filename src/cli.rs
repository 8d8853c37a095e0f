//! The command line: flags become a `Config` and sinks, then the library's
//! `Pipeline` does the work. Nothing here knows how articles are read or
//! processed.
//!
//! Exit status: 0 when every article was read (ok or skipped), 1 when any input
//! article failed (its record has status `error`), 2 when the run could not
//! complete (bad arguments, an output that cannot be written), 130 or 143 when
//! SIGINT or SIGTERM stopped it (what it finished is written and committed).

use anyhow::{Context, Result};
use clap::{ArgGroup, Args, Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use sanctions_extract::error::message;
use sanctions_extract::evaluate::{Miss, Report, score};
use sanctions_extract::explain;
use sanctions_extract::gold_check::{self, Articles, GoldFile};
use sanctions_extract::select::{Selection, Shard};
use sanctions_extract::sinks::{
    EventsSink, FtmSink, JsonlSink, Merged, PostgresSink, Run, Sanctions, Sink, SqliteSink, Tee, redact_url,
};
use sanctions_extract::{Config, Document, Inputs, Limits, Pipeline, Record, Status, Summary};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

/// Exit status when some input article could not be read or processed.
const EXIT_INPUT_ERRORS: u8 = 1;
/// Exit status when the run itself failed.
const EXIT_FATAL: u8 = 2;

/// Name of the database written when no output is named.
const DEFAULT_DB: &str = "sanctions.sqlite";

#[derive(Parser)]
#[command(
    name = "sanctions-extract",
    version,
    about = "Turn news articles into a sanctions-event database.",
    long_about = "Turn news articles into a sanctions-event database.\n\n\
        Reads article dumps (text, HTML, JSONL, WARC, compressed or not) and writes one \
        record per article: officials, organizations and countries, counts, money amounts, \
        dates and sanctions events, each with its evidence span in the clean text.\n\n\
        Exit status: 0 all articles read, 1 some input article failed (see its record's \
        status_detail), 2 the run failed (bad arguments, output not writable, disk full, \
        database lost), 130/143 stopped by SIGINT/SIGTERM after committing what it finished \
        (a second signal stops at once; the same command goes on from there)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract one record per article from files, folders or standard input.
    #[command(after_help = EXTRACT_EXAMPLES)]
    Extract(ExtractArgs),
    /// Score records against gold annotations (docs/scoring.md).
    #[command(after_help = EVALUATE_EXAMPLES)]
    Evaluate(EvaluateArgs),
    /// Check gold annotations against their articles (docs/gold-check.md).
    #[command(after_help = CHECK_GOLD_HELP)]
    CheckGold(CheckGoldArgs),
    /// Rebuild a database's canonical events from all its events.
    #[command(after_help = REBUILD_EVENTS_HELP)]
    RebuildEvents(RebuildEventsArgs),
    /// Show how one article's events were read: triggers, candidates, rules.
    #[command(after_help = EXPLAIN_HELP)]
    Explain(ExplainArgs),
}

const EXPLAIN_HELP: &str = "\
For each sentence where event assembly found something (numbered from 1):
  trigger RULE \"WORDS\": STATUS   a trigger: the rule that found it, the status it
                                 gives, notes (a modal made it planned...)
    authority: HOW               how the authority was found (the subject, a passive
                                 agent, carried over from a sentence before...)
    + ROLE \"WORDS\" = VALUE: WHY  a mention taken (+) as authority, target, count,
    - ROLE \"WORDS\" = VALUE: WHY  named target, date, amount or official, or
                                 refused (-), and why
    => AUTHORITY: event N, HOW   the event the reading made or joined (new, merged,
                                 and what set a new one apart from the others)
  no trigger: RULE \"WORDS\": WHY  a rule's match that is no trigger (negated, an
                                 adjective, a capability, another clause...)
  list: NAMES added to event N   names a list sentence adds to the event before it
Then the events as the record holds them (the values of `extract --jsonl`),
numbered from 0 as the record's `events` and the databases' event idx. Long
sentences are shortened (--json has them whole).

ARTICLE is any input `extract` reads: a .txt or .html file, a JSONL dump (gzip or
zstd too), `-` for JSONL on standard input. In a dump, --doc-id picks the article;
without it the first is explained, and standard error says so.

Exit status: 0 explained, 1 the article could not be read (status error, as in
`extract`), 2 the input cannot be read or holds no such article.

Examples:
  sanctions-extract explain corpus/articles/seeds/001_4de9d4616d3f2380.txt
  sanctions-extract explain corpus/articles/own/events.jsonl --doc-id own-e05
  sanctions-extract explain dump.jsonl.gz --doc-id 4711 --json | jq '.sentences[].triggers[].rule'";

#[derive(Args)]
struct ExplainArgs {
    /// The article: a .txt or .html file, a JSONL dump, `-` for JSONL on standard input.
    #[arg(value_name = "ARTICLE")]
    input: PathBuf,

    /// In a dump, the doc_id of the article to explain (default: the first).
    #[arg(long, value_name = "ID")]
    doc_id: Option<String>,

    /// Print the explanation as one JSON object (the same information, sentences whole).
    #[arg(long)]
    json: bool,
}

const REBUILD_EVENTS_HELP: &str = "\
Every run of `extract` into a database brings its canonical events up to date at
its end: it reads only the canonical events the run's events can join (same
authority and status, dates or publication dates within the merge window) and
gives the tables a merge of all the events would give, whatever the order the
articles came in. A run killed before that step leaves its articles to the next
run's. rebuild-events merges every event of the database again, one authority and
status at a time (its memory is that of the largest): after changing the merge
rules, or to check the tables (they must come out the same).

A database written by a version that rebuilt the canonical events at every run is
upgraded by its next run, which rebuilds them once.

Exit status: 0 rebuilt, 2 the database could not be opened or written.

Examples:
  sanctions-extract rebuild-events --db sanctions.sqlite
  sanctions-extract rebuild-events --postgres postgres://etl@db.example/sanctions";

#[derive(Args)]
#[command(group(ArgGroup::new("database").required(true).multiple(true).args(["db", "postgres"])))]
struct RebuildEventsArgs {
    /// The SQLite database whose canonical events to rebuild (it must exist).
    #[arg(long, value_name = "PATH")]
    db: Option<PathBuf>,

    /// The PostgreSQL database whose canonical events to rebuild, as for
    /// `extract --postgres`. Runs writing to it wait while it rebuilds.
    #[arg(long, value_name = "URL")]
    postgres: Option<String>,

    /// Print neither progress nor the summary.
    #[arg(long, short)]
    quiet: bool,
}

const CHECK_GOLD_HELP: &str = "\
What is checked (docs/gold-check.md in the repository says it in full), for each
gold article, against the input article of the same doc_id:
  shape      doc_id present and unique; the fields RECORD.md names, of known
             categories, entity types, statuses, currencies and date values
             (optional items too)
  verbatim   every count, amount and date `text`, official name and alias, entity
             alias, event named target written in the article's text exactly so
             (curly and straight quotes differ); an entity's name too, unless it is
             a country or another canonical form, which then needs an alias that is
  dates      each date text read again: `Thursday`, `last month`, `five years
             ago`, `March 5`, `the 2nd` from the article's publication date,
             `April 3, 2024` as written; the gold value must be a reading the
             spec allows (forms the checker does not know are only counted)
  consistency
             one entity and one official per name; event authority and target
             are entities of the article under their canonical names (or a
             country the article names by a demonym only); event counts and
             dates are counts (or sums of them) and dates of the article (warnings)
  self-score the gold scored against itself, as `evaluate` scores, gives 1.0

Each problem is one line on standard output, FILE:LINE DOC_ID: ITEM: PROBLEM,
for instance
  gold.jsonl:4 d1-004: dates[0].value: \"on Wednesday\" read from the publication
      date 2022-04-15 is 2022-04-13 or 2022-04-20, not 2022-04-14
  gold.jsonl:9 d4-017: entities[2].name: \"United Nations Security Council\" is not
      in the article's text
and a summary follows on standard error: what was checked, how many date texts
were read from the publication date, read as written, or not recognised (list
them with --unrecognised).

Exit status: 0 no errors (warnings may be printed), 1 errors found, 2 a gold file
or an input could not be read, or the arguments are wrong.

Examples:
  sanctions-extract check-gold --gold corpus/gold/seeds.jsonl corpus/articles/seeds
  sanctions-extract check-gold --gold ../shared/dev2/batch-1/gold.jsonl ../shared/dev2/batch-1/articles.jsonl";

#[derive(Args)]
#[command(override_usage = "sanctions-extract check-gold --gold <GOLD.jsonl>... <INPUT>... [--unrecognised]")]
struct CheckGoldArgs {
    /// Gold file (JSONL, one article per line); repeat to check several.
    #[arg(long, value_name = "GOLD.jsonl", required = true)]
    gold: Vec<PathBuf>,

    /// The articles the gold annotates, as for `extract`.
    #[arg(value_name = "INPUT", required = true)]
    inputs: Vec<PathBuf>,

    /// Also list the date texts of forms the checker does not read, to see
    /// what it left unchecked.
    #[arg(long)]
    unrecognised: bool,
}

const EVALUATE_EXAMPLES: &str = "\
Scoring (docs/scoring.md in the repository says it in full): precision, recall and F1
per field, micro-averaged over the gold articles; names compared lower-cased with
punctuation runs as one space; optional gold items neither reward nor penalise. A
ratio with nothing to count is n/a (null in --json). Predictions whose doc_id no gold
article has are not scored; a warning says how many, as for gold articles without a
prediction.

Exit status: 0 scored, 1 no gold article has a prediction (nothing was scored),
2 a file could not be read or is not JSONL.

Examples:
  sanctions-extract evaluate --gold corpus/gold/seeds.jsonl corpus/articles/seeds
  sanctions-extract evaluate --gold ../shared/dev2/dev/gold.jsonl ../shared/dev2/dev/articles.jsonl
  sanctions-extract evaluate --gold gold.jsonl --pred records.jsonl --json";

#[derive(Args)]
#[command(
    group(ArgGroup::new("predictions").required(true).args(["pred", "inputs"])),
    override_usage = "sanctions-extract evaluate --gold <GOLD.jsonl>... (--pred <PRED.jsonl> | <INPUT>...) [--json] [--misses]"
)]
struct EvaluateArgs {
    /// Gold file (JSONL, one article per line); repeat to score several.
    #[arg(long, value_name = "GOLD.jsonl", required = true)]
    gold: Vec<PathBuf>,

    /// Predicted records to score (JSONL, as `extract --jsonl` writes them).
    #[arg(long, value_name = "PRED.jsonl")]
    pred: Option<PathBuf>,

    /// Articles to extract and score, as for `extract` (instead of --pred).
    #[arg(value_name = "INPUT")]
    inputs: Vec<PathBuf>,

    /// Print the report as JSON (a ratio with nothing to count is null).
    #[arg(long)]
    json: bool,

    /// List every missed gold item and spurious prediction after the table
    /// (with --json, as the report's `misses`).
    #[arg(long)]
    misses: bool,
}

const EXTRACT_EXAMPLES: &str = "\
Input forms, recognised by extension (case-insensitive):
  .txt             one article; NAME.meta.json beside it may give id, url, title, published
  .html, .htm      one page; main text and metadata extracted
  .jsonl, .ndjson  one article per line: {id, url, title, published, text | html}
  .warc            each HTML response record is one article
  .gz, .zst        any of the above, compressed
  -                JSONL on standard input
Files of other types inside a folder are skipped with a warning.

Databases (--db, --postgres) and resuming:
  A run skips the articles its databases already hold (by doc_id, status ok or
  skipped), so a run that was interrupted, even killed, and is started again with
  the same arguments goes on where it stopped. --replace processes them again and
  replaces their rows (after upgrading this tool, or when an input changed).
  --jsonl, --events and --ftm files are written anew by every run and hold only
  the articles this run processed: they cannot resume on their own.

Sharding:
  --shard I/N processes only shard I of N (numbered from 1), chosen by a fixed
  hash of each doc_id: N machines given the same inputs, each with its own I,
  split them without coordination, and can all write to one --postgres database.

Examples:
  sanctions-extract extract corpus/articles --db sanctions.sqlite
  sanctions-extract extract dump.jsonl.gz --jsonl records.jsonl --threads 2
  zcat crawl.jsonl.gz | sanctions-extract extract - --jsonl - > records.jsonl
  sanctions-extract extract pages/ --jsonl out.jsonl --db out.sqlite --emit-text
  sanctions-extract extract crawl/ --postgres postgres://etl@db.example/sanctions
  sanctions-extract extract crawl/ --postgres postgres://etl@db.example/sanctions --shard 2/8
  sanctions-extract extract crawl/ --db sanctions.sqlite --replace
  sanctions-extract extract corpus/articles --ftm out.ftm.json --events events.jsonl
    (FollowTheMoney entities; `ftm aggregate -i out.ftm.json` joins their fragments)";

#[derive(Args)]
struct ExtractArgs {
    /// Files or folders (read recursively) to extract from; `-` reads JSONL from standard input.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,

    /// Write one JSON record per line to PATH (`-` for standard output). The file is
    /// written anew, so every input article is processed, even those a database
    /// beside it already holds.
    #[arg(long, short = 'o', value_name = "PATH")]
    jsonl: Option<PathBuf>,

    /// Write records to the SQLite database at PATH, created if missing. Articles it
    /// already holds are skipped (see --replace). Without --jsonl, --db or --postgres,
    /// records go to ./sanctions.sqlite.
    #[arg(long, value_name = "PATH")]
    db: Option<PathBuf>,

    /// Write records to the PostgreSQL database at URL (postgres://USER@HOST:PORT/DB),
    /// the same tables as --db, created if missing; articles it already holds are
    /// skipped (see --replace). A password missing from the URL comes from PGPASSWORD.
    #[arg(long, value_name = "URL")]
    postgres: Option<String>,

    /// Process the articles the databases already hold again, replacing their rows,
    /// instead of skipping them.
    #[arg(long)]
    replace: bool,

    /// Process only shard I of N (I from 1 to N) of the input articles, chosen by a
    /// stable hash of their doc_id: run 1/N to N/N on N machines to split an input.
    #[arg(long, value_name = "I/N")]
    shard: Option<Shard>,

    /// Write canonical events to PATH, one per line (`-` for standard output). A line
    /// is one sanctions action with every article that reports it: most have one
    /// source; reports of the same action in several articles merge into one line.
    /// With a database (--db, --postgres, or the default one), the events of
    /// everything it holds, as its canonical_events table; else of this run's records.
    #[arg(long, value_name = "PATH")]
    events: Option<PathBuf>,

    /// Write FollowTheMoney entities to PATH, one per line (`-` for standard output):
    /// articles, people, organizations, their mentions and a Sanction per event (with
    /// --events, per canonical event of this run's records). Written anew, as --jsonl.
    #[arg(long, value_name = "PATH")]
    ftm: Option<PathBuf>,

    /// Add to each record the clean text its spans index, as `text`.
    #[arg(long)]
    emit_text: bool,

    /// Worker threads [default: one per core].
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,

    /// Largest article read, in bytes; a larger one becomes an `error` record.
    #[arg(long, value_name = "BYTES", default_value_t = Limits::default().max_article_bytes)]
    max_article_bytes: u64,

    /// Most bytes one compressed input may expand to; past it, its articles end in
    /// an `error` record (a defence against gzip bombs).
    #[arg(long, value_name = "BYTES", default_value_t = Limits::default().max_decompressed_bytes)]
    max_decompressed_bytes: u64,

    /// Print neither progress nor the final summary (warnings still go to stderr).
    #[arg(long, short)]
    quiet: bool,
}

/// What `extract` will do, once the flags are checked.
struct Plan {
    config: Config,
    inputs: Vec<PathBuf>,
    jsonl: Option<PathBuf>,
    db: Option<PathBuf>,
    postgres: Option<String>,
    events: Option<PathBuf>,
    ftm: Option<PathBuf>,
    replace: bool,
    shard: Option<Shard>,
    quiet: bool,
    /// No output was named: records go to [`DEFAULT_DB`].
    default_db: bool,
}

impl ExtractArgs {
    fn plan(self) -> Result<Plan> {
        let stdout = |path: &Option<PathBuf>| path.as_ref().is_some_and(|p| p.as_os_str() == "-");
        let on_stdout: Vec<(&str, &str)> = [
            ("--jsonl -", "records", &self.jsonl),
            ("--events -", "events", &self.events),
            ("--ftm -", "FtM entities", &self.ftm),
        ]
        .into_iter()
        .filter(|(_, _, path)| stdout(path))
        .map(|(flag, what, _)| (flag, what))
        .collect();
        if on_stdout.len() > 1 {
            let flags: Vec<&str> = on_stdout.iter().map(|(flag, _)| *flag).collect();
            let what: Vec<&str> = on_stdout.iter().map(|(_, what)| *what).collect();
            let which = if on_stdout.len() == 2 { "one" } else { "all but one" };
            anyhow::bail!(
                "{} would mix {} on standard output: write {which} of them to a file",
                and_list(&flags),
                and_list(&what)
            );
        }
        let default_db = self.jsonl.is_none() && self.ftm.is_none() && self.db.is_none() && self.postgres.is_none();
        let db = if default_db {
            Some(PathBuf::from(DEFAULT_DB))
        } else {
            self.db
        };
        Ok(Plan {
            config: Config {
                emit_text: self.emit_text,
                threads: self.threads.map(usize::from),
                limits: Limits {
                    max_article_bytes: self.max_article_bytes,
                    max_decompressed_bytes: self.max_decompressed_bytes,
                },
            },
            inputs: self.inputs,
            jsonl: self.jsonl,
            db,
            postgres: self.postgres,
            events: self.events,
            ftm: self.ftm,
            replace: self.replace,
            shard: self.shard,
            quiet: self.quiet,
            default_db,
        })
    }
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Extract(args) => args.plan().and_then(extract),
        Command::Evaluate(args) => evaluate(args),
        Command::CheckGold(args) => check_gold(args),
        Command::RebuildEvents(args) => rebuild_events(args),
        Command::Explain(args) => explain(args),
    };
    outcome.unwrap_or_else(|err| {
        eprintln!("error: {}", message(err.as_ref()));
        ExitCode::from(EXIT_FATAL)
    })
}

fn rebuild_events(args: RebuildEventsArgs) -> Result<ExitCode> {
    let bar = || {
        if args.quiet || !std::io::stderr().is_terminal() {
            return ProgressBar::hidden();
        }
        let bar = ProgressBar::new(0);
        bar.set_style(
            ProgressStyle::with_template("{spinner} {msg}: {pos} of {len} events ({percent}%), {elapsed}")
                .expect("progress template is valid"),
        );
        bar.enable_steady_tick(Duration::from_millis(120));
        bar
    };
    let report = |name: &str, merged: Merged, started: std::time::Instant| {
        if !args.quiet {
            eprintln!(
                "{name}: {} merged into {}, {:.2} s",
                counted(merged.events, "event"),
                counted(merged.written, "canonical event"),
                started.elapsed().as_secs_f64()
            );
        }
    };
    if let Some(path) = &args.db {
        anyhow::ensure!(path.is_file(), "{}: no such database", path.display());
        let started = std::time::Instant::now();
        let mut sink = SqliteSink::open(path).context("opening the database")?;
        let progress = bar();
        progress.set_message(path.display().to_string());
        let merged = sink
            .rebuild_events(&mut |done, total| {
                progress.set_length(total);
                progress.set_position(done);
            })
            .context("rebuilding the canonical events")?;
        progress.finish_and_clear();
        report(&path.display().to_string(), merged, started);
    }
    if let Some(url) = &args.postgres {
        let started = std::time::Instant::now();
        let mut sink = PostgresSink::connect(url).context("opening the PostgreSQL database")?;
        let progress = bar();
        progress.set_message(redact_url(url));
        let merged = sink
            .rebuild_events(&mut |done, total| {
                progress.set_length(total);
                progress.set_position(done);
            })
            .context("rebuilding the canonical events")?;
        progress.finish_and_clear();
        report(&redact_url(url), merged, started);
    }
    Ok(ExitCode::SUCCESS)
}

/// The progress bar of a run (hidden when quiet or off a terminal) and the
/// documents of its inputs, counted on the bar as they are read (the
/// articles a selection leaves out included); warnings print above the bar.
fn read_with_progress(inputs: &Inputs, quiet: bool) -> (ProgressBar, impl Iterator<Item = Document> + Send + use<>) {
    let progress = if !quiet && std::io::stderr().is_terminal() {
        progress_bar(inputs)
    } else {
        ProgressBar::hidden()
    };
    let warnings = progress.clone();
    let documents = inputs.documents(Box::new(move |warning| {
        warnings.suspend(|| eprintln!("warning: {warning}"))
    }));
    let bar = progress.clone();
    let mut read = 0u64;
    let documents = documents.inspect(move |doc| {
        read += 1;
        bar.inc(doc.bytes);
        if read % 16 == 1 {
            bar.set_message(counted(read, "article"));
        }
    });
    (progress, documents)
}

fn extract(plan: Plan) -> Result<ExitCode> {
    // Before any thread starts: they all inherit the blocked signals.
    crate::signals::watch();
    let inputs = Inputs::new(&plan.inputs, plan.config.limits);
    inputs.check()?;
    if plan.default_db {
        eprintln!("no --jsonl, --ftm, --db or --postgres given: writing records to {DEFAULT_DB} in the current folder");
    }
    let Outputs {
        mut sink,
        destinations,
        events,
    } = open_outputs(&plan)?;
    let shard = plan.shard;
    let stored = if plan.replace {
        None
    } else {
        sink.stored().context("reading the articles already stored")?
    };
    let selection = Selection { shard, stored };

    let (progress, documents) = read_with_progress(&inputs, plan.quiet);
    let (documents, left_out) = selection.apply(documents);

    let started_at = now();
    let pipeline = Pipeline::new(plan.config);
    let summary = pipeline.run(documents, &mut sink, |_, _| {});
    progress.finish_and_clear();
    let summary = match summary {
        Ok(summary) => summary,
        // Whoever read standard output stopped reading (`| head`): nobody is
        // left to tell, and nothing may be claimed of a run cut short.
        Err(err) if err.is_broken_pipe() => return Ok(ExitCode::SUCCESS),
        Err(err) => return Err(anyhow::Error::new(err).context("the run stopped")),
    };
    let canonical = match events {
        Some(mut events) => {
            let canonical = sink
                .take_canonical_events()
                .context("reading the canonical events")?
                .expect("a database keeps canonical events");
            match events.write_events(&canonical) {
                Err(err) if err.is_broken_pipe() => return Ok(ExitCode::SUCCESS),
                written => written.context("writing the events")?,
            }
            Some(canonical.len() as u64)
        }
        None => None,
    };
    let run = Run {
        started_at,
        finished_at: now(),
        arguments: without_passwords(std::env::args()),
        summary: summary.clone(),
        already_stored: left_out.already_stored(),
    };
    sink.record_run(&run).context("recording the run")?;

    if !plan.quiet {
        let left = LeftOut {
            already_stored: run.already_stored,
            other_shards: shard.map(|s| (s, left_out.other_shards())),
        };
        eprint!("{}", summary_text(&summary, &left, &destinations, canonical));
    }
    if let Some((signal, status)) = crate::signals::received() {
        let database = plan.db.is_some() || plan.postgres.is_some();
        eprintln!("{}", stopped_text(signal, database));
        return Ok(ExitCode::from(status));
    }
    Ok(if summary.errors > 0 {
        ExitCode::from(EXIT_INPUT_ERRORS)
    } else {
        ExitCode::SUCCESS
    })
}

/// The outputs a run writes, opened.
struct Outputs {
    /// Every output that takes records.
    sink: Tee,
    /// Where records go, as the summary names them.
    destinations: Vec<String>,
    /// `--events` beside a database: written after the run from the
    /// database's canonical events, not from the records.
    events: Option<EventsSink>,
}

/// Opens the outputs `plan` names (creating files and databases).
fn open_outputs(plan: &Plan) -> Result<Outputs> {
    let mut sinks: Vec<Box<dyn Sink>> = Vec::new();
    let mut destinations = Vec::new();
    if let Some(path) = &plan.jsonl {
        sinks.push(Box::new(JsonlSink::create(path).context("opening the JSONL output")?));
        destinations.push(shown_path(path));
    }
    if let Some(path) = &plan.ftm {
        // With --events, one Sanction per canonical event of this run's records.
        let sanctions = match plan.events {
            Some(_) => Sanctions::Canonical,
            None => Sanctions::PerArticle,
        };
        sinks.push(Box::new(
            FtmSink::create(path, sanctions).context("opening the FtM output")?,
        ));
        destinations.push(format!("{} as FtM entities", shown_path(path)));
    }
    let database = plan.db.is_some() || plan.postgres.is_some();
    let mut events = match &plan.events {
        Some(path) => Some(EventsSink::create(path).context("opening the events output")?),
        None => None,
    };
    if !database && let Some(events) = events.take() {
        sinks.push(Box::new(events));
    }
    if let Some(path) = &plan.db {
        sinks.push(Box::new(SqliteSink::open(path).context("opening the database")?));
        destinations.push(path.display().to_string());
    }
    if let Some(url) = &plan.postgres {
        sinks.push(Box::new(
            PostgresSink::connect(url).context("opening the PostgreSQL database")?,
        ));
        destinations.push(redact_url(url));
    }
    Ok(Outputs {
        sink: Tee(sinks),
        destinations,
        events,
    })
}

/// The last line of a run stopped by a signal: what it holds, and how to go on.
fn stopped_text(signal: &str, database: bool) -> String {
    if database {
        format!(
            "stopped by {signal} before the end of the input; the databases hold every article \
             read before it, and the same command goes on from there"
        )
    } else {
        format!(
            "stopped by {signal} before the end of the input; the output holds the records of the articles read before it"
        )
    }
}

/// `a`, `a and b`, `a, b and c`.
fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// `standard output` for `-`, else the path.
fn shown_path(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "standard output".to_string()
    } else {
        path.display().to_string()
    }
}

/// The progress line: with the share done and the time left when the size of
/// the input is known (uncompressed files: what is read of them is what they
/// hold), else what was read so far.
fn progress_bar(inputs: &Inputs) -> ProgressBar {
    let bar = match inputs.size() {
        Some(total) => {
            let bar = ProgressBar::new(total);
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} {msg}, {decimal_bytes} of {decimal_total_bytes} ({percent}%), \
                     {decimal_bytes_per_sec}, {eta} left",
                )
                .expect("progress template is valid"),
            );
            bar
        }
        None => {
            let bar = ProgressBar::new_spinner();
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} {msg}, {decimal_bytes} read ({decimal_bytes_per_sec}), {elapsed}",
                )
                .expect("progress template is valid"),
            );
            bar
        }
    };
    bar.set_message("0 articles");
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

/// The command line to keep in the runs table, with any database password
/// taken out of `--postgres URL`.
fn without_passwords(args: impl Iterator<Item = String>) -> Vec<String> {
    let mut after_flag = false;
    args.map(|arg| {
        let shown = if after_flag {
            redact_url(&arg)
        } else if let Some(url) = arg.strip_prefix("--postgres=") {
            format!("--postgres={}", redact_url(url))
        } else {
            arg
        };
        after_flag = shown == "--postgres";
        shown
    })
    .collect()
}

/// The current time, RFC 3339 in UTC.
fn now() -> String {
    chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now())
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// `1 record`, `2 records`.
fn counted(n: u64, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// What of the input a run left to others: the articles its databases held,
/// and the other shards' articles.
struct LeftOut {
    already_stored: u64,
    other_shards: Option<(Shard, u64)>,
}

/// The summary printed at the end of a run. `canonical` is the number of
/// events written with `--events`.
fn summary_text(s: &Summary, left: &LeftOut, destinations: &[String], canonical: Option<u64>) -> String {
    let mut out = String::new();
    let read = s.read + left.already_stored + left.other_shards.map_or(0, |(_, n)| n);
    let mut first = format!(
        "{} read: {} ok, {} skipped, {}",
        counted(read, "article"),
        s.ok,
        s.skipped,
        counted(s.errors, "error")
    );
    if left.already_stored > 0 {
        first += &format!(", {} already stored", left.already_stored);
    }
    if let Some((shard, others)) = left.other_shards {
        first += &format!(", {others} left to other shards (this is shard {shard})");
    }
    out += &first;
    out.push('\n');
    if left.already_stored > 0 {
        let (them, it) = match left.already_stored {
            1 => ("1 article".to_string(), "it"),
            n => (format!("{n} articles"), "them"),
        };
        out += &format!(
            "warning: {them} not processed again because the database already holds {it}; \
             --replace processes {it} again\n"
        );
    }
    out += &format!(
        "{} written to {}; {} found\n",
        counted(s.read, "record"),
        destinations.join(" and "),
        counted(s.events, "event")
    );
    if let Some(n) = canonical {
        out += &format!(
            "{} written with --events: every action the database holds\n",
            counted(n, "canonical event")
        );
    }
    out += &format!("{:.2} s, {:.2} MB/s\n", s.elapsed.as_secs_f64(), s.mb_per_second());
    if s.errors > 0 {
        out += "error records say why in status_detail\n";
    }
    out
}

fn read_jsonl(path: &Path) -> Result<Vec<serde_json::Value>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            serde_json::from_str(line).with_context(|| format!("{}:{}: invalid JSON", path.display(), i + 1))
        })
        .collect()
}

fn evaluate(args: EvaluateArgs) -> Result<ExitCode> {
    let mut gold = Vec::new();
    for path in &args.gold {
        gold.extend(read_jsonl(path)?);
    }
    let predictions = match &args.pred {
        Some(path) => read_jsonl(path)?,
        None => {
            let documents = Inputs::new(&args.inputs, Limits::default())
                .documents(Box::new(|warning| eprintln!("warning: {warning}")));
            let mut records: Vec<Record> = Vec::new();
            Pipeline::new(Config::default())
                .run(documents, &mut records, |_, _| {})
                .context("extracting the inputs")?;
            records.iter().map(serde_json::to_value).collect::<Result<_, _>>()?
        }
    };
    let report = score(&gold, &predictions);
    warn_unscored(&report);
    if args.json {
        let json = if args.misses {
            serde_json::to_string_pretty(&ReportWithMisses {
                report: &report,
                misses: &report.misses,
            })?
        } else {
            serde_json::to_string_pretty(&report)?
        };
        println!("{json}");
    } else {
        print!("{}", report.to_table());
        if args.misses {
            println!();
            for miss in &report.misses {
                println!("{}\t{}\t{}\t{}", miss.doc_id, miss.field, miss.kind, miss.item);
            }
        }
    }
    if report.articles == 0 {
        eprintln!("error: the gold files hold no article, so nothing was scored");
        return Ok(ExitCode::from(EXIT_NOTHING_SCORED));
    }
    if report.articles_without_prediction == report.articles {
        eprintln!("error: no gold article has a prediction, so nothing was scored; do the doc_ids agree?");
        return Ok(ExitCode::from(EXIT_NOTHING_SCORED));
    }
    Ok(ExitCode::SUCCESS)
}

fn explain(args: ExplainArgs) -> Result<ExitCode> {
    let on_warning = Box::new(|warning| eprintln!("warning: {warning}"));
    let (document, more) = explain::pick(&args.input, args.doc_id.as_deref(), Limits::default(), on_warning)?;
    if args.doc_id.is_none() && more {
        let input = match args.input.as_os_str() == "-" {
            true => "standard input".to_string(),
            false => args.input.display().to_string(),
        };
        eprintln!(
            "{input} holds several articles: explaining the first, {}; --doc-id ID picks another",
            document.doc_id
        );
    }
    let explanation = Pipeline::new(Config::default()).explain(document)?;
    let status = match explanation.status {
        Status::Error => ExitCode::from(EXIT_INPUT_ERRORS),
        Status::Ok | Status::Skipped => ExitCode::SUCCESS,
    };
    let mut out = std::io::stdout().lock();
    let written = if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&explanation)?)
    } else {
        write!(out, "{explanation}")
    };
    match written.and_then(|()| out.flush()) {
        // Whoever read it stopped reading (`| head`): nobody is left to tell.
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(status),
        written => {
            written.context("writing the explanation")?;
            Ok(status)
        }
    }
}

/// Exit status of `check-gold` when the gold has errors.
const EXIT_GOLD_ERRORS: u8 = 1;

fn check_gold(args: CheckGoldArgs) -> Result<ExitCode> {
    let gold = args
        .gold
        .iter()
        .map(|path| GoldFile::read(path))
        .collect::<Result<Vec<_>, _>>()?;
    let inputs = Inputs::new(&args.inputs, Limits::default());
    let articles = Articles::read(&inputs, Box::new(|warning| eprintln!("warning: {warning}")))?;
    let report = gold_check::check(&gold, &articles);
    for problem in &report.problems {
        println!("{problem}");
    }
    if args.unrecognised {
        for (doc_id, text) in &report.tally.dates_unrecognised {
            eprintln!("date form not recognised: {doc_id}: {text:?}");
        }
    }
    eprint!("{}", report.summary());
    for detail in &articles.unreadable {
        eprintln!("error: {detail}");
    }
    Ok(if !articles.unreadable.is_empty() {
        ExitCode::from(EXIT_FATAL)
    } else if report.tally.errors > 0 {
        ExitCode::from(EXIT_GOLD_ERRORS)
    } else {
        ExitCode::SUCCESS
    })
}

/// The JSON report of `evaluate --json --misses`: the report's fields, then its
/// misses.
#[derive(serde::Serialize)]
struct ReportWithMisses<'a> {
    #[serde(flatten)]
    report: &'a Report,
    misses: &'a [Miss],
}

/// Exit status of `evaluate` when no gold article has a prediction.
const EXIT_NOTHING_SCORED: u8 = 1;

/// Warns about articles on one side only: gold without a prediction (its
/// items all count as missed) and predictions without gold (not scored).
fn warn_unscored(report: &Report) {
    if let Some(first) = report.gold_ids_without_prediction.first() {
        eprintln!(
            "warning: {} without a prediction (e.g. {first:?}); all their items count as missed",
            counted(report.articles_without_prediction, "gold article")
        );
    }
    if let Some(first) = report.predicted_ids_without_gold.first() {
        eprintln!(
            "warning: {} with a doc_id no gold article has (e.g. {first:?}); not scored",
            counted(report.predictions_without_gold, "predicted article")
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_counts_what_was_read_left_out_and_written() {
        let summary = Summary {
            read: 3,
            ok: 1,
            skipped: 1,
            errors: 1,
            events: 1,
            bytes: 2_000_000,
            elapsed: Duration::from_secs(2),
            stopped: false,
        };
        let left = LeftOut {
            already_stored: 12,
            other_shards: Some((Shard::new(2, 4).unwrap(), 45)),
        };
        assert_eq!(
            summary_text(&summary, &left, &["x.sqlite".into()], Some(7)),
            "60 articles read: 1 ok, 1 skipped, 1 error, 12 already stored, 45 left to other shards (this is shard 2/4)\n\
             warning: 12 articles not processed again because the database already holds them; --replace processes them again\n\
             3 records written to x.sqlite; 1 event found\n\
             7 canonical events written with --events: every action the database holds\n\
             2.00 s, 1.00 MB/s\n\
             error records say why in status_detail\n"
        );
    }

    #[test]
    fn the_runs_table_never_keeps_a_password() {
        let args = [
            "sanctions-extract",
            "extract",
            "a.txt",
            "--postgres",
            "postgres://etl:s3cret@db/news",
            "--postgres=postgresql://u:p@h/d?password=x",
        ]
        .map(String::from);
        assert_eq!(
            without_passwords(args.into_iter()),
            [
                "sanctions-extract",
                "extract",
                "a.txt",
                "--postgres",
                "postgres://etl@db/news",
                "--postgres=postgresql://u@h/d",
            ]
        );
    }
}
