import type { CSSProperties } from "react";

/** The look of the newsletter's emails (confirmation, digest): inline styles, always light. */

export const styles = {
  body: {
    backgroundColor: "#f2f0ea",
    fontFamily: "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
    margin: 0,
    padding: "24px 0",
  },
  container: {
    backgroundColor: "#ffffff",
    border: "1px solid #dedad0",
    borderRadius: "10px",
    maxWidth: "600px",
    padding: "28px 32px",
  },
  eyebrow: {
    color: "#a23f14",
    fontSize: "12px",
    fontWeight: 700,
    letterSpacing: "0.08em",
    margin: "0 0 8px",
    textTransform: "uppercase",
  },
  heading: { color: "#1c1d1f", fontSize: "22px", lineHeight: "1.3", margin: "0 0 16px" },
  text: { color: "#1c1d1f", fontSize: "15px", lineHeight: "1.6", margin: "0 0 14px" },
  button: {
    backgroundColor: "#a23f14",
    borderRadius: "6px",
    color: "#ffffff",
    fontSize: "15px",
    fontWeight: 600,
    padding: "12px 20px",
    textDecoration: "none",
  },
  postTitle: { color: "#1c1d1f", fontSize: "18px", lineHeight: "1.35", margin: "0 0 4px" },
  link: { color: "#a23f14" },
  meta: { color: "#54575c", fontSize: "13px", margin: "0 0 6px" },
  hr: { borderColor: "#dedad0", margin: "24px 0 16px" },
  footer: { color: "#54575c", fontSize: "13px", lineHeight: "1.5", margin: "0 0 6px" },
} satisfies Record<string, CSSProperties>;
