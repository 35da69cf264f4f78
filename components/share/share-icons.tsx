import type { ShareTarget } from "@/lib/share/links";

/** Small monochrome glyphs (currentColor), decorative: every link and button also has a text name. */
const filled: Record<Exclude<ShareTarget, "email">, string> = {
  linkedin:
    "M4.98 3.5a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5ZM3 9.75h4V21H3V9.75Zm6.5 0h3.83v1.54h.05c.53-1 1.84-2.06 3.79-2.06 4.05 0 4.8 2.67 4.8 6.13V21h-4v-5.02c0-1.2-.02-2.74-1.67-2.74-1.67 0-1.93 1.3-1.93 2.65V21h-4V9.75Z",
  x: "M17.75 3h3.07l-6.7 7.66L22 21h-6.17l-4.83-6.32L5.47 21H2.4l7.17-8.2L2 3h6.33l4.37 5.77L17.75 3Zm-1.08 16.2h1.7L7.4 4.72H5.58l11.1 14.48Z",
  bluesky:
    "M5.9 3.9C8.3 5.7 10.9 9.3 12 11.4c1.1-2.1 3.7-5.7 6.1-7.5 1.7-1.3 4.5-2.3 4.5.9 0 .6-.4 5.3-.6 6-.7 2.6-3.3 3.2-5.6 2.8 4 .7 5 3 2.8 5.2-4.2 4.3-6-1.1-6.5-2.5l-.2-.5-.2.5c-.5 1.4-2.3 6.8-6.5 2.5-2.2-2.2-1.2-4.5 2.8-5.2-2.3.4-4.9-.2-5.6-2.8-.2-.7-.6-5.4-.6-6 0-3.2 2.8-2.2 4.5-.9Z",
  hackernews: "M3 3h18v18H3V3Zm8.1 10.2V17h1.8v-3.8L16.3 7h-2l-2.3 4.3L9.7 7h-2l3.4 6.2Z",
};

/** Line icons, drawn with a 2px stroke. */
const outlined = {
  email: "M3 5.5h18v13H3zM3.5 6l8.5 7 8.5-7",
  copy: "M10 13.5a4 4 0 0 0 5.7.3l2.8-2.8a4 4 0 0 0-5.7-5.7l-1.2 1.2M14 10.5a4 4 0 0 0-5.7-.3L5.5 13a4 4 0 0 0 5.7 5.7l1.2-1.2",
  share: "M12 15V3M7.5 7.5 12 3l4.5 4.5M8 11H5v10h14V11h-3",
} as const;

export type IconName = keyof typeof filled | keyof typeof outlined;

export function ShareIcon({ name }: { name: IconName }) {
  const common = {
    className: "share-bar__icon",
    "aria-hidden": true,
    focusable: false,
    width: 18,
    height: 18,
    viewBox: "0 0 24 24",
  } as const;
  if (name in outlined) {
    return (
      <svg {...common} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d={outlined[name as keyof typeof outlined]} />
      </svg>
    );
  }
  return (
    <svg {...common} fill="currentColor">
      <path fillRule="evenodd" d={filled[name as keyof typeof filled]} />
    </svg>
  );
}
