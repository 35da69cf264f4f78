import type { EnquiryField } from "@/lib/contact/schema";
import type { site } from "@/lib/site";

import { Field } from "./field";
import type { ControlProps } from "./use-enquiry-form";

type Questions = typeof site.qualifying;

type Props = {
  questions: Questions;
  errors: Partial<Record<EnquiryField, string>>;
  control: (field: EnquiryField) => ControlProps;
};

/**
 * The three optional qualifying questions as one compact row of selects under a single legend, so the form
 * stays one screen on a phone. Leaving one on "—" sends "", which the schema reads as not answered.
 */
export function QualifyingFields({ questions, errors, control }: Props) {
  const names = Object.keys(questions) as Array<keyof Questions>;
  return (
    <fieldset className="enquiry-form__qualifying">
      <legend className="field__label">
        About your team <span className="field__optional">(optional)</span>
      </legend>
      <div className="enquiry-form__qualifying-row">
        {names.map((name) => (
          <Field
            key={name}
            name={name}
            label={questions[name].label}
            optional="quiet"
            error={errors[name]}
            control={(wiring) => (
              <select {...wiring} {...control(name)} className="field__input field__select field__select--compact">
                <option value="">—</option>
                {questions[name].options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            )}
          />
        ))}
      </div>
    </fieldset>
  );
}
