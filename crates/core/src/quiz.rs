//! The lesson's quiz: questions, grading, score and the versioned saved state.
