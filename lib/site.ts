/**
 * Site settings: the one place for names, URLs, handles and copy that more
 * than one page uses. Safe to import from client components (no secrets).
 */

import { POSTS_PER_PAGE } from "./content/pagination";
import { siteUrlOrDefault } from "./site-url";

export const siteUrl = siteUrlOrDefault();

export const site = {
  name: "Steady State",
  tagline: "Essays on engineering leadership",
  description:
    "Practical essays on engineering leadership — on-call, incidents, code review, 1:1s and strategy — by Nora Castell, who helps CTOs and engineering managers build teams that ship calmly.",
  url: siteUrl.toString().replace(/\/$/, ""),
  locale: "en_GB",
  language: "en-GB",
  author: {
    name: "Nora Castell",
    role: "Engineering leadership consultant",
    bio: "I spent fifteen years building and leading engineering teams, from a four-person startup to a 200-engineer platform organisation. Now I help CTOs and engineering managers fix the things that quietly slow teams down: on-call that burns people out, incidents that repeat, reviews that stall and 1:1s that drift into status updates.",
    email: "hello@steadystate.example",
    url: "/",
  },
  social: {
    x: "noracastell",
    linkedin: "https://www.linkedin.com/in/noracastell",
    bluesky: "noracastell.bsky.social",
    github: "https://github.com/noracastell",
  },
  defaultCta: "Struggling with how your engineering team works together? Let’s talk.",
  /** The featured essays (`featured: true`): first on the home page and gathered on /start. */
  startHere: {
    title: "Start here",
    intro:
      "New here? These are the essays I would hand a new engineering manager or a CTO on their first week: each stands on its own, and together they cover how I think about teams that ship calmly.",
  },
  postsPerPage: POSTS_PER_PAGE,
  latestOnHome: 5,
  /**
   * How a tag is shown, whatever spelling the posts use: each entry is the label of its slug ("Engineering
   * Leadership" for every `engineering leadership` and `Engineering leadership`). A tag not listed is shown with its
   * most used spelling (lib/content/tags.ts).
   */
  tagLabels: [] as readonly string[],
  /**
   * Hosts posts may show images from (https only), e.g. "images.example.com"; any other remote image stops the
   * build. Empty: every image is a file in public/, sized at build time. The Content-Security-Policy's img-src must
   * allow these hosts too (lib/content/images.ts `remoteImageOrigins`).
   */
  remoteImageHosts: [] as readonly string[],
  helpsWith: [
    {
      title: "Calm on-call and incidents",
      body: "Rotations people can sustain, alerts that mean something, post-mortems that change the system instead of blaming a person.",
    },
    {
      title: "Delivery without heroics",
      body: "Review flow, planning and team boundaries that let work move without late nights or a single hero holding it together.",
    },
    {
      title: "Growing engineering managers",
      body: "Coaching for new and experienced managers: 1:1s, feedback, hiring and the conversations everyone avoids.",
    },
  ],
  /** Topics offered by the contact form; the enquiry schema accepts exactly these values. */
  contactTopics: [
    { value: "team-trust-culture", label: "Team trust and culture" },
    { value: "delivery-process", label: "Delivery and process" },
    { value: "leadership-coaching", label: "Leadership coaching" },
    { value: "workshop-talk", label: "A workshop or talk" },
    { value: "something-else", label: "Something else" },
  ],
  /**
   * The enquiry form's optional qualifying questions, each a closed list the schema accepts exactly. `short` is
   * how a choice reads in the owner's email subject and the report ("Enquiry — 40–100 engineers, this quarter").
   */
  qualifying: {
    teamSize: {
      label: "Team size",
      options: [
        { value: "1-10", label: "1–10", short: "1–10 engineers" },
        { value: "10-40", label: "10–40", short: "10–40 engineers" },
        { value: "40-100", label: "40–100", short: "40–100 engineers" },
        { value: "100-250", label: "100–250", short: "100–250 engineers" },
        { value: "250-plus", label: "250+", short: "250+ engineers" },
      ],
    },
    timeline: {
      label: "When",
      options: [
        { value: "now", label: "Now", short: "now" },
        { value: "this-quarter", label: "This quarter", short: "this quarter" },
        { value: "later", label: "Later", short: "later" },
        { value: "exploring", label: "Exploring", short: "just exploring" },
      ],
    },
    helpKind: {
      label: "Help with",
      options: [
        { value: "advisory", label: "Advisory", short: "advisory" },
        { value: "coaching", label: "Coaching", short: "coaching" },
        { value: "review", label: "A review", short: "a review" },
        { value: "workshop", label: "A workshop", short: "a workshop" },
      ],
    },
  },
} as const;

export type QualifyingQuestion = keyof typeof site.qualifying;

export type ContactTopic = (typeof site.contactTopics)[number]["value"];

/** An absolute URL on this site for a path such as `/blog/x`. */
export function absoluteUrl(path = "/"): string {
  if (/^https?:\/\//i.test(path)) return path;
  return `${site.url}${path.startsWith("/") ? path : `/${path}`}`;
}
