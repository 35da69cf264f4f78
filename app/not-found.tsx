import type { Metadata } from "next";

import { NotFoundContent } from "@/components/layout/not-found-content";
import { getPosts } from "@/lib/content/posts";

export const metadata: Metadata = {
  title: "Page not found",
  robots: { index: false },
};

export default function NotFound() {
  return <NotFoundContent latest={getPosts().slice(0, 3)} />;
}
