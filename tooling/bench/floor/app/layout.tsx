import type { ReactNode } from "react";

// The framework floor: a page with no client component of ours.
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
