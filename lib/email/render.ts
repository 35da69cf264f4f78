import { render } from "@react-email/render";
import type { ReactElement } from "react";

/** Renders a React Email template to its HTML and plain-text parts (headings keep their case in the text part). */
export async function renderEmail(element: ReactElement): Promise<{ html: string; text: string }> {
  const [html, text] = await Promise.all([
    render(element),
    render(element, {
      plainText: true,
      htmlToTextOptions: {
        selectors: [
          { selector: "h1", options: { uppercase: false } },
          { selector: "h2", options: { uppercase: false } },
        ],
      },
    }),
  ]);
  return { html, text };
}
