import type { BuildResult } from "./build-scale";

/** A small SVG line chart of cold build time against post count, drawn as an element tree, not string-built markup with data in it. */
export function renderBuildChart(results: readonly BuildResult[]): string {
  const width = 640;
  const height = 360;
  const pad = { left: 64, right: 24, top: 32, bottom: 56 };
  const maxPosts = Math.max(...results.map((r) => r.posts));
  const maxSeconds = Math.max(...results.map((r) => r.seconds)) * 1.15;
  const x = (posts: number) => pad.left + (posts / maxPosts) * (width - pad.left - pad.right);
  const y = (seconds: number) => height - pad.bottom - (seconds / maxSeconds) * (height - pad.top - pad.bottom);
  const num = (n: number) => Number(n.toFixed(1));
  const esc = (text: string) =>
    text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

  type Node = { tag: string; attrs: Record<string, string | number>; text?: string; children?: Node[] };
  const el = (tag: string, attrs: Record<string, string | number>, ...children: (Node | string)[]): Node => ({
    tag,
    attrs,
    ...(typeof children[0] === "string" ? { text: children[0] } : { children: children as Node[] }),
  });
  const render = (node: Node): string => {
    const attrs = Object.entries(node.attrs)
      .map(([k, v]) => ` ${k}="${esc(String(v))}"`)
      .join("");
    const inner = node.text !== undefined ? esc(node.text) : (node.children ?? []).map(render).join("");
    return `<${node.tag}${attrs}>${inner}</${node.tag}>`;
  };

  const ticks = 4;
  const grid: Node[] = [];
  for (let i = 0; i <= ticks; i++) {
    const seconds = (maxSeconds / ticks) * i;
    grid.push(
      el("line", { x1: pad.left, x2: width - pad.right, y1: num(y(seconds)), y2: num(y(seconds)), stroke: "#e3e0d8" }),
    );
    grid.push(
      el("text", { x: pad.left - 8, y: num(y(seconds)) + 4, "text-anchor": "end" }, `${Math.round(seconds)} s`),
    );
  }
  const points = results.map((r) => `${num(x(r.posts))},${num(y(r.seconds))}`).join(" ");
  const dots = results.flatMap((r) => [
    el("circle", { cx: num(x(r.posts)), cy: num(y(r.seconds)), r: 5, fill: "#a23f14" }),
    el(
      "text",
      { x: num(x(r.posts)), y: num(y(r.seconds)) - 12, "text-anchor": "middle" },
      `${r.seconds.toFixed(0)} s · ${Math.round(r.msPerPost)} ms/post`,
    ),
    el("text", { x: num(x(r.posts)), y: height - pad.bottom + 20, "text-anchor": "middle" }, String(r.posts)),
  ]);
  const svg = el(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      role: "img",
      "aria-labelledby": "title",
      "font-family": "system-ui, sans-serif",
      "font-size": 12,
      fill: "#1c1d1f",
    },
    el("title", { id: "title" }, "Cold build time against number of posts"),
    el("rect", { width, height, fill: "#ffffff" }),
    el("g", {}, ...grid),
    el("line", {
      x1: pad.left,
      x2: width - pad.right,
      y1: height - pad.bottom,
      y2: height - pad.bottom,
      stroke: "#54575c",
    }),
    el("polyline", { points, fill: "none", stroke: "#a23f14", "stroke-width": 2.5 }),
    el("g", {}, ...dots),
    el("text", { x: (width + pad.left) / 2, y: height - 16, "text-anchor": "middle" }, "posts"),
    el("text", { x: pad.left, y: 20, "font-weight": 700 }, "Cold build time (content step + next build)"),
  );
  return `${render(svg)}\n`;
}
