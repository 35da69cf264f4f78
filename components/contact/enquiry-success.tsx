import Link from "next/link";
import { useEffect, useRef } from "react";

import { blogPath } from "@/lib/routes";

type Props = {
  /** The server's confirmation, naming the person and the address the reply goes to. */
  message: string;
  fallbackEmail: string;
  /** The prefilled scheduling link (BOOKING_URL), when one is configured. */
  bookingUrl?: string;
};

/**
 * What replaces the form once an enquiry is stored: a short heading (one line on a phone), then the server's
 * confirmation naming the person and the address the reply goes to. Focus moves to the heading, so it is read
 * first.
 */
export function EnquirySuccess({ message, fallbackEmail, bookingUrl }: Props) {
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => titleRef.current?.focus(), []);
  return (
    <div className="enquiry-success">
      <h2 ref={titleRef} tabIndex={-1} autoFocus className="enquiry-success__title">
        I&rsquo;ve got your message
      </h2>
      <p className="enquiry-success__message">{message}</p>
      {bookingUrl ? (
        <div className="enquiry-success__booking">
          {/* A plain link to the provider's page: no third-party script here, and it works without JavaScript. */}
          <a className="enquiry-success__book" href={bookingUrl}>
            Pick a time for a 30-minute call now
          </a>
          <p className="enquiry-success__booking-note">
            Your name and email are filled in for you. Rather wait for my reply? That works too:
          </p>
        </div>
      ) : null}
      <p>Here is what happens next:</p>
      <ol className="enquiry-success__steps">
        <li>I read it myself, usually the same day.</li>
        <li>
          I reply with a straight answer on whether I can help and, if I can, a few times for a free 30-minute call.
        </li>
        <li>If I am not the right person, I will say so, and point you to someone who is when I can.</li>
      </ol>
      <p>
        Nothing arrived after two working days? Check your spam folder, or write to{" "}
        <a href={`mailto:${fallbackEmail}`}>{fallbackEmail}</a>.
      </p>
      <p>
        <Link href={blogPath()}>Back to the essays</Link>
      </p>
    </div>
  );
}
