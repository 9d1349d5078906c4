//! Generators: a suspended frame and its saved slice of the value stack.

use crate::frame::Frame;
use crate::value::Value;

#[derive(Default)]
pub struct GenState {
    pub frame: Option<Frame>,
    /// The frame's locals and operand stack while it is suspended (capacity reused each yield).
    pub saved: Vec<Value>,
    pub started: bool,
    pub running: bool,
    pub finished: bool,
}
