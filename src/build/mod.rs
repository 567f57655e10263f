//! `rpod build`: images from a Containerfile/Dockerfile.
pub mod ast;
pub mod cache;
pub mod context;
pub mod copy;
pub mod exec;
pub mod ignore;
pub mod image;
pub mod output;
pub mod parse;
pub mod rootfs;
pub mod run;
pub mod squash;
pub mod vars;
