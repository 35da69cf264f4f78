import type { Element, Root } from "hast";
import { visit } from "unist-util-visit";

/**
 * GFM task lists render as disabled checkboxes with no label, which screen
 * readers announce as "checkbox, unlabelled". Replace each with a labelled
 * marker ("Done" / "To do") that reads naturally before the item's text.
 */
export function rehypeTaskList() {
  return (tree: Root) => {
    visit(tree, "element", (node: Element) => {
      if (node.tagName !== "input" || node.properties.type !== "checkbox") return;
      const done = Boolean(node.properties.checked);
      node.tagName = "span";
      node.properties = {
        className: ["task-box", ...(done ? ["task-box--done"] : [])],
        role: "img",
        ariaLabel: done ? "Done:" : "To do:",
      };
      node.children = [];
    });
  };
}
