// Runs in <head>, before the first paint (a file, not an inline script, so the Content-Security-
// Policy can forbid inline ones). It marks <html> for the CSS: `js`, since the page's script will
// run (the contents bar can open), and `embed` for a page opened with ?embed, so a course's frame
// shows the compact layout from its first paint instead of the full page's chrome for a moment.
document.documentElement.classList.add('js');
if (new URLSearchParams(location.search).has('embed')) document.documentElement.classList.add('embed');
