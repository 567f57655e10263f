//! `rpod build`: images from a Containerfile/Dockerfile.
pub mod ast;
pub mod parse;
pub mod vars;
