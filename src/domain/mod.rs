//! Pure Rust: every decision of the widget lives here, testable natively. No yew, web-sys,
//! wasm-bindgen or gloo.

pub mod amount;
pub mod assemble;
pub mod catalog;
pub mod catalog_check;
#[cfg(not(target_arch = "wasm32"))]
pub mod catalog_source;
pub mod changes;
pub mod coverage;
pub mod dates;
pub mod details;
pub mod digest;
pub mod document;
pub mod draft;
pub mod embedded;
pub mod fragment;
pub mod host_events;
pub mod i18n;
pub mod measure;
pub mod message_data;
#[cfg(not(target_arch = "wasm32"))]
pub mod messages_source;
pub mod notice;
pub mod notice_data;
pub mod options;
pub mod overlay;
pub mod points;
pub mod proportion;
pub mod render;
pub mod saved;
pub mod selection;
pub mod template;
#[cfg(not(target_arch = "wasm32"))]
pub mod translation;
