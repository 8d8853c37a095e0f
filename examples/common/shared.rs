//! Where the shared data folder is: third-party text (real news, peer suites,
//! the HTML benchmark) is not kept in the repository. `$SANCTIONS_SHARED` if
//! set, else `../shared` beside the repository, as the tests find it.

use std::path::{Path, PathBuf};

pub fn shared(rel: &str) -> PathBuf {
    std::env::var_os("SANCTIONS_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"))
        .join(rel)
}
