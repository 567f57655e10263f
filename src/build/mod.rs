//! `rpod build`: images from a Containerfile/Dockerfile.
pub mod ast;
pub mod context;
pub mod ignore;
pub mod parse;
pub mod vars;
