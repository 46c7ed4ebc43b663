//! Small text utilities every stage uses: the one slug function and the one escape module.
//! Nothing here knows about content or the graph.

pub mod escape;
pub mod paths;
pub mod slug;
