import type { Metadata } from "next";
import Link from "next/link";

import { PostList } from "@/components/post/post-list";
import { JsonLdScript } from "@/components/seo/json-ld";
import { getFeaturedPosts, getPosts } from "@/lib/content/posts";
import { blogPath, contactPath, homePath, startPath } from "@/lib/routes";
import { homeJsonLd } from "@/lib/seo/json-ld";
import { pageMetadata } from "@/lib/seo/metadata";
import { site } from "@/lib/site";
import "./page.css";

export const metadata: Metadata = pageMetadata({ path: homePath });

export default function HomePage() {
  const featured = getFeaturedPosts();
  // Featured essays come first, under "Start here"; the latest list does not repeat them.
  const latest = getPosts()
    .filter((post) => !post.featured)
    .slice(0, site.latestOnHome);
  return (
    <div className="container">
      <JsonLdScript data={homeJsonLd()} />
      <section className="hero" aria-labelledby="hero-title">
        <p className="eyebrow">{site.author.role}</p>
        <h1 id="hero-title">Engineering teams that ship calmly, sleep well and keep their people.</h1>
        <p className="hero__lede">
          I&rsquo;m {site.author.name}. {site.author.bio}
        </p>
        <p className="hero__actions">
          <Link className="button" href={contactPath()}>
            Let&rsquo;s talk
          </Link>
          <Link className="button button--quiet" href={blogPath()}>
            Read the essays
          </Link>
        </p>
      </section>

      <section className="helps" aria-labelledby="helps-title">
        <h2 id="helps-title">What I help with</h2>
        <ul className="helps__grid">
          {site.helpsWith.map((item) => (
            <li key={item.title}>
              <h3>{item.title}</h3>
              <p>{item.body}</p>
            </li>
          ))}
        </ul>
      </section>

      {featured.length > 0 ? (
        <section aria-labelledby="start-title">
          <div className="section-head">
            <h2 id="start-title">{site.startHere.title}</h2>
            <Link href={startPath}>Why these →</Link>
          </div>
          <PostList posts={featured} headingLevel="h3" />
        </section>
      ) : null}

      <section aria-labelledby="latest-title">
        <div className="section-head">
          <h2 id="latest-title">Latest writing</h2>
          <Link href={blogPath()}>All posts →</Link>
        </div>
        {latest.length > 0 ? <PostList posts={latest} headingLevel="h3" /> : <p>The first essay is on its way.</p>}
      </section>

      <section className="closing-cta" aria-labelledby="closing-title">
        <h2 id="closing-title">Something in your team feel harder than it should?</h2>
        <p>
          Tell me what is going on. I read every message myself and reply within two working days, with a straight
          answer on whether I can help.
        </p>
        <Link className="button" href={contactPath()}>
          Let&rsquo;s talk
        </Link>
      </section>
    </div>
  );
}
