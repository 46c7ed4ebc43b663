//! Trust: bad input that would lose data, let script into the site, or give silently wrong
//! output. Each test plants one class of such input (see the README's reliability section) and
//! asserts the precise refusal or error, and that nothing was lost.

mod common;

#[path = "trust/folders.rs"]
mod folders;
