/**
 * Form controls as the pages lay them out: a control with its visible label
 * above it, a drop-down list of choices, and a text box labelled for screen
 * readers only (its placeholder shows the label).
 */
import type { ComponentChildren } from 'preact';

/** A control with its label above it (`.field` in ui.css); `id` is the control's. */
export function Field({
  id,
  label,
  children,
}: {
  id: string;
  label: string;
  children: ComponentChildren;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children}
    </div>
  );
}

export interface ChoiceProps<T extends string> {
  /** The form field's name, also its id unless one is given. */
  name: string;
  id?: string;
  value: T | undefined;
  choices: readonly T[];
  /** What the list shows for a choice. */
  show: (choice: T) => ComponentChildren;
  /** The language a choice's text is in, where it is not the page's (a language's own name). */
  lang?: (choice: T) => string | undefined;
  disabled?: boolean;
  onChange: (choice: T) => void;
  /** Options listed before the choices, such as a stored value that is no longer among them. */
  children?: ComponentChildren;
}

/** A drop-down list: an `<option>` per choice, the choice itself as its value. */
export function Choice<T extends string>(props: ChoiceProps<T>) {
  const { show, lang } = props;
  return (
    <select
      id={props.id ?? props.name}
      name={props.name}
      value={props.value}
      disabled={props.disabled}
      onChange={(e) => props.onChange(e.currentTarget.value as T)}
    >
      {props.children}
      {props.choices.map((choice) => (
        <option key={choice} value={choice} lang={lang?.(choice)}>
          {show(choice)}
        </option>
      ))}
    </select>
  );
}

/** A text box whose label only screen readers read; the placeholder shows it unless given another. */
export function TextBox({
  id,
  name,
  label,
  type = 'search',
  placeholder = label,
  value,
  onValue,
}: {
  id: string;
  name: string;
  label: string;
  type?: 'search' | 'text';
  placeholder?: string;
  value: string;
  onValue: (value: string) => void;
}) {
  return (
    <>
      <label class="visually-hidden" for={id}>
        {label}
      </label>
      <input
        id={id}
        type={type}
        name={name}
        placeholder={placeholder}
        value={value}
        onInput={(e) => onValue(e.currentTarget.value)}
      />
    </>
  );
}
