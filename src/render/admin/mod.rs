//! The browser editor: `admin/index.html` and `admin/config.yml` for Decap CMS, with the
//! fields of each kind of file made from the JSON Schemas of the contract.

pub mod cms;
pub mod fields;
