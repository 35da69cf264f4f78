"use client";

import Link from "next/link";
import { useEffect } from "react";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="container">
      <header className="page-head">
        <p className="eyebrow">Something went wrong</p>
        <h1>This page failed to load</h1>
        <p className="page-head__lede">
          It&rsquo;s on our side, not yours. Try again, or go back to the <Link href="/">home page</Link>.
          {error.digest ? ` (Reference: ${error.digest})` : null}
        </p>
        <p>
          <button type="button" className="button" onClick={reset}>
            Try again
          </button>
        </p>
      </header>
    </div>
  );
}
