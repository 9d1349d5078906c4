//! The two fenced diagrams: ```contrast (side-by-side verdicts) and ```decision-tree (│ ├── └──).
//!
//! Both read the text the way the lesson prints it, so the Markdown stays readable as plain text and
//! the page still gets structure it can draw as real columns and a real nested tree.

use crate::model::{Contrast, ContrastColumn, TreeNode, Verdict};

/// Parses a ```contrast fence: caption line, then `Column (examples):` lines each followed by
/// `→ claim — reason` verdicts. A verdict that says NOT is a "no".
pub fn contrast(text: &str) -> Result<Contrast, String> {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let caption = lines.next().ok_or("```contrast is empty")?;
    let mut columns: Vec<ContrastColumn> = Vec::new();
    for line in lines {
        if let Some(verdict) = line.strip_prefix('→') {
            let column = columns.last_mut().ok_or_else(|| format!("verdict before any column: {line}"))?;
            let verdict = verdict.trim();
            let (claim, reason) = verdict.split_once(" — ").unwrap_or((verdict, ""));
            let works = !claim.split_whitespace().any(|w| w == "NOT");
            column.verdicts.push(Verdict { works, claim: claim.into(), reason: reason.into() });
        } else {
            let head = line.strip_suffix(':').ok_or_else(|| format!("a column line must end with ':': {line}"))?;
            let (title, examples) = match head.split_once(" (") {
                Some((title, rest)) => (title, rest.strip_suffix(')').unwrap_or(rest)),
                None => (head, ""),
            };
            columns.push(ContrastColumn { title: title.into(), examples: examples.into(), verdicts: Vec::new() });
        }
    }
    if columns.is_empty() {
        return Err("```contrast has no columns".into());
    }
    Ok(Contrast { caption: caption.trim_end_matches(':').into(), columns })
}

/// Parses a ```decision-tree fence: the root on the first line, then one node per line, four
/// columns of `│   `, `├── ` or `└── ` per level; `label → answer` marks a leaf.
pub fn decision_tree(text: &str) -> Result<TreeNode, String> {
    let mut lines = text.lines().filter(|l| l.chars().any(|c| !"│├└─ ".contains(c)));
    let root = lines.next().ok_or("```decision-tree is empty")?;
    let mut root = node(root.trim());
    // The path from the root to the node last added, as child indices.
    let mut path: Vec<usize> = Vec::new();
    for line in lines {
        let prefix: String = line.chars().take_while(|c| "│├└─ ".contains(*c)).collect();
        let depth = prefix.chars().count() / 4;
        if depth == 0 || depth > path.len() + 1 {
            return Err(format!("decision-tree line is not one level below a node: {line}"));
        }
        path.truncate(depth - 1);
        let parent = path.iter().fold(&mut root, |n, &i| &mut n.children[i]);
        parent.children.push(node(line[prefix.len()..].trim()));
        path.push(parent.children.len() - 1);
    }
    Ok(root)
}

fn node(text: &str) -> TreeNode {
    match text.split_once('→') {
        Some((label, answer)) => {
            TreeNode { label: label.trim().into(), answer: Some(answer.trim().into()), children: vec![] }
        }
        None => TreeNode { label: text.into(), answer: None, children: vec![] },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_reads_columns_and_yes_no_verdicts() {
        let c = contrast("Impact:\n\nI/O (net):\n  → threading WORKS — waits\n  → asyncio WORKS\nCPU:\n  → threading does NOT help — GIL\n").unwrap();
        assert_eq!(c.caption, "Impact");
        assert_eq!((c.columns[0].title.as_str(), c.columns[0].examples.as_str()), ("I/O", "net"));
        assert_eq!(c.columns[0].verdicts[1], Verdict { works: true, claim: "asyncio WORKS".into(), reason: "".into() });
        assert_eq!(
            c.columns[1].verdicts[0],
            Verdict { works: false, claim: "threading does NOT help".into(), reason: "GIL".into() }
        );
    }

    #[test]
    fn contrast_refuses_a_verdict_without_a_column() {
        assert!(contrast("Caption\n→ x WORKS\n").is_err());
    }

    #[test]
    fn tree_nests_by_four_columns_and_splits_leaves_on_the_arrow() {
        let t = decision_tree("Root?\n│\n├── A?\n│   ├── a1 → x\n│   └── a2 → y\n│\n└── B?\n    └── b1 → z\n").unwrap();
        assert_eq!(t.label, "Root?");
        assert_eq!(t.children.len(), 2);
        assert_eq!(
            t.children[0].children[1],
            TreeNode { label: "a2".into(), answer: Some("y".into()), children: vec![] }
        );
        assert_eq!(t.children[1].children[0].answer.as_deref(), Some("z"));
    }

    #[test]
    fn tree_refuses_a_line_that_skips_a_level() {
        assert!(decision_tree("Root\n│   ├── too deep → x\n").is_err());
    }
}
