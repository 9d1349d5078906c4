//! Starts the UI on the page's HTML; everything else lives in the library.

fn main() {
    playground_ui::start();
}
