import { Text } from "@react-email/components";
import type { CSSProperties, ReactNode } from "react";

import { lightColors } from "@/lib/design-tokens";

/** The look of the enquiry emails (owner notification, acknowledgement, held digest): inline styles and a field. */

// Mail clients need inline colours; the email is always light, like the share card.
const colors = lightColors;

export const styles = {
  body: {
    backgroundColor: colors.bgSunken,
    fontFamily: "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
    margin: 0,
    padding: "24px 0",
  },
  container: {
    backgroundColor: colors.bgRaised,
    border: `1px solid ${colors.border}`,
    borderRadius: "10px",
    maxWidth: "600px",
    padding: "28px 32px",
  },
  eyebrow: {
    color: colors.accent,
    fontSize: "12px",
    fontWeight: 700,
    letterSpacing: "0.08em",
    margin: "0 0 8px",
    textTransform: "uppercase",
  },
  heading: { color: colors.text, fontSize: "22px", lineHeight: "1.3", margin: "0 0 20px" },
  label: {
    color: colors.textMuted,
    fontSize: "12px",
    fontWeight: 600,
    letterSpacing: "0.04em",
    margin: "14px 0 2px",
    textTransform: "uppercase",
  },
  value: { color: colors.text, fontSize: "15px", lineHeight: "1.5", margin: 0 },
  message: {
    backgroundColor: colors.bg,
    border: `1px solid ${colors.border}`,
    borderRadius: "8px",
    color: colors.text,
    fontSize: "15px",
    lineHeight: "1.6",
    margin: "6px 0 0",
    padding: "14px 16px",
    whiteSpace: "pre-wrap",
  },
  link: { color: colors.accent },
  hr: { borderColor: colors.border, margin: "24px 0 16px" },
  footer: { color: colors.textMuted, fontSize: "13px", lineHeight: "1.5", margin: "0 0 6px" },
} satisfies Record<string, CSSProperties>;

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <Text style={styles.label}>{label}</Text>
      <Text style={styles.value}>{children}</Text>
    </>
  );
}
