import type { ReactElement } from "react";

import { lightColors } from "@/lib/design-tokens";

import { OG_FONT_FAMILY } from "./fonts";
import { fitTitle, stripEmoji, textWidthEm, wrapLines } from "./text";
import { ogImageSize } from "./config";

/**
 * The share card, as Satori-compatible JSX (flexbox only, inline styles).
 * An opaque cream card inside a rust frame: the frame gives it an edge on
 * white feeds (LinkedIn, Slack light), the cream panel stands out on dark
 * ones (X, Bluesky dark), and dark ink on cream reads well on both.
 */

export const ogColors = {
  frame: lightColors.accent,
  panel: lightColors.bg,
  ink: lightColors.text,
  muted: lightColors.textMuted,
  accent: lightColors.accent,
  rule: lightColors.border,
} as const;

const FRAME = 28;
const PAD_X = 72;
const PAD_Y = 56;
/** Width available to the title and description. */
export const TEXT_WIDTH = ogImageSize.width - 2 * FRAME - 2 * PAD_X;

export type CardInput = {
  /** The big line: a post title, or the site name on the default card. */
  title: string;
  /** One or two lines under the title. */
  description?: string;
  /** Shown instead of the description when the title needs three lines (e.g. "6 min read"). */
  shortDescription?: string;
  /** Small labels at the bottom right (tags). */
  labels?: readonly string[];
  siteName: string;
  tagline: string;
  author: string;
  authorRole: string;
};

const DESCRIPTION_SIZE = 30;
const FOOTER_SIZE = 26;
const LABEL_SIZE = 22;

/** Cut `text` at a word so it fits `lines` lines at `size` px (with an ellipsis when cut). */
function clampText(text: string, size: number, lines: number, width = TEXT_WIDTH): string {
  return fitTitle(text, { width, maxLines: lines, maxSize: size, minSize: size }).text;
}

export function prepareCard(input: CardInput) {
  const text = stripEmoji(input.title) || input.siteName;
  // Big for one or two lines; a title that needs three is set smaller, so the card keeps room to breathe.
  const short = fitTitle(text, { width: TEXT_WIDTH, maxLines: 2, maxSize: 84, minSize: 64 });
  const title = short.truncated ? fitTitle(text, { width: TEXT_WIDTH, maxLines: 3, maxSize: 68, minSize: 48 }) : short;
  const description = stripEmoji(input.description ?? "");
  const fallback = stripEmoji(input.shortDescription ?? "");
  // Two lines of description under a one- or two-line title; a three-line title leaves room for one short line.
  const sub =
    title.lines <= 2 && description
      ? clampText(description, DESCRIPTION_SIZE, 2)
      : fallback || (description ? clampText(description, DESCRIPTION_SIZE, 1) : "");
  // The footer holds the author on the left and as many labels (at most 3) as fit on the right;
  // the author's role gives way first when even one label would not fit beside it.
  const candidates = (input.labels ?? [])
    .map((label) => stripEmoji(label))
    .filter(Boolean)
    .slice(0, 3);
  const pill = (label: string) => textWidthEm(label) * LABEL_SIZE + 2 * 14 + 4 + 10;
  const authorWidth = textWidthEm(input.author) * FOOTER_SIZE;
  const roleWidth = 12 + textWidthEm(input.authorRole) * FOOTER_SIZE;
  const showRole = candidates.length === 0 || authorWidth + roleWidth + 24 + pill(candidates[0]!) <= TEXT_WIDTH;
  let room = TEXT_WIDTH - authorWidth - (showRole ? roleWidth : 0) - 24;
  const labels: string[] = [];
  for (const label of candidates) {
    if (pill(label) > room) break;
    labels.push(label);
    room -= pill(label);
  }
  return { title, sub, labels, showRole, subLines: sub ? wrapLines(sub, TEXT_WIDTH / DESCRIPTION_SIZE).length : 0 };
}

export function OgCard(input: CardInput): ReactElement {
  const { title, sub, labels, showRole } = prepareCard(input);
  return (
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        padding: FRAME,
        background: ogColors.frame,
        fontFamily: OG_FONT_FAMILY,
      }}
    >
      <div
        style={{
          flex: 1,
          display: "flex",
          flexDirection: "column",
          justifyContent: "space-between",
          background: ogColors.panel,
          borderRadius: 20,
          padding: `${PAD_Y}px ${PAD_X}px`,
          color: ogColors.ink,
        }}
      >
        <div style={{ display: "flex", alignItems: "center", fontSize: 28, lineHeight: 1.2 }}>
          <div
            style={{
              display: "flex",
              width: 18,
              height: 18,
              borderRadius: 9,
              background: ogColors.accent,
              marginRight: 16,
            }}
          />
          <span style={{ fontWeight: 700, color: ogColors.accent }}>{input.siteName}</span>
          <span style={{ color: ogColors.muted, marginLeft: 14 }}>{input.tagline}</span>
        </div>

        <div style={{ display: "flex", flexDirection: "column" }}>
          <div
            style={{
              display: "flex",
              fontSize: title.fontSize,
              fontWeight: 700,
              lineHeight: 1.12,
              letterSpacing: -0.02 * title.fontSize,
              color: ogColors.ink,
              maxWidth: TEXT_WIDTH,
            }}
          >
            {title.text}
          </div>
          {sub ? (
            <div
              style={{
                display: "flex",
                marginTop: 22,
                fontSize: DESCRIPTION_SIZE,
                lineHeight: 1.35,
                color: ogColors.muted,
                maxWidth: TEXT_WIDTH,
              }}
            >
              {sub}
            </div>
          ) : null}
        </div>

        <div
          style={{
            display: "flex",
            alignItems: "center",
            justifyContent: "space-between",
            borderTop: `2px solid ${ogColors.rule}`,
            paddingTop: 22,
            fontSize: FOOTER_SIZE,
            lineHeight: 1.2,
          }}
        >
          <div style={{ display: "flex", alignItems: "baseline" }}>
            <span style={{ fontWeight: 700 }}>{input.author}</span>
            {showRole ? <span style={{ color: ogColors.muted, marginLeft: 12 }}>{input.authorRole}</span> : null}
          </div>
          <div style={{ display: "flex" }}>
            {labels.map((label) => (
              <span
                key={label}
                style={{
                  display: "flex",
                  marginLeft: 10,
                  padding: "4px 14px",
                  border: `2px solid ${ogColors.rule}`,
                  borderRadius: 999,
                  fontSize: LABEL_SIZE,
                  color: ogColors.muted,
                }}
              >
                {label}
              </span>
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}
