import { PostList } from "@/components/post/post-list";
import type { Post } from "@/lib/content/posts";
import { blogPath, contactPath, startPath } from "@/lib/routes";
import { site } from "@/lib/site";

/** The home page's content (pages/index.tsx): who this is for, featured essays first, the latest, a closing call. */
export function HomeContent({ featured, latest }: { featured: readonly Post[]; latest: readonly Post[] }) {
  return (
    <div className="container">
      <section className="hero" aria-labelledby="hero-title">
        <p className="eyebrow">{site.author.role}</p>
        <h1 id="hero-title">Engineering teams that ship calmly, sleep well and keep their people.</h1>
        <p className="hero__lede">
          I&rsquo;m {site.author.name}. {site.author.bio}
        </p>
        <p className="hero__actions">
          <a className="button" href={contactPath()}>
            Let&rsquo;s talk
          </a>
          <a className="button button--quiet" href={blogPath()}>
            Read the essays
          </a>
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
            <a href={startPath}>Why these →</a>
          </div>
          <PostList posts={featured} headingLevel="h3" />
        </section>
      ) : null}

      <section aria-labelledby="latest-title">
        <div className="section-head">
          <h2 id="latest-title">Latest writing</h2>
          <a href={blogPath()}>All posts →</a>
        </div>
        {latest.length > 0 ? <PostList posts={latest} headingLevel="h3" /> : <p>The first essay is on its way.</p>}
      </section>

      <section className="closing-cta" aria-labelledby="closing-title">
        <h2 id="closing-title">Something in your team feel harder than it should?</h2>
        <p>
          Tell me what is going on. I read every message myself and reply within two working days, with a straight
          answer on whether I can help.
        </p>
        <a className="button" href={contactPath()}>
          Let&rsquo;s talk
        </a>
      </section>
    </div>
  );
}
