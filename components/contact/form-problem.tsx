import type { Ref } from "react";

type Props = {
  message: string;
  /** A mailto: link carrying the message, when the store could not keep it. */
  fallbackMailto?: string;
  ref: Ref<HTMLDivElement>;
};

/** The enquiry could not be stored: said at once (role="alert", focused), with a way to send it by email instead. */
export function FormProblem({ message, fallbackMailto, ref }: Props) {
  return (
    <div ref={ref} className="form-status form-status--problem" role="alert" tabIndex={-1} autoFocus>
      <p>{message}</p>
      {fallbackMailto ? (
        <p>
          <a className="button button--quiet" href={fallbackMailto}>
            Open it in your email app
          </a>
        </p>
      ) : null}
    </div>
  );
}
