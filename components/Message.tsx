import type { ComponentChildren } from 'preact';

/**
 * A line of news shown only while there is some: an `alert` (a failure,
 * class `error` unless given another) or a `status` (class `note`), so
 * screen readers announce it when it appears.
 */
export function Message({
  text,
  role = 'alert',
  class: className = role === 'alert' ? 'error' : 'note',
}: {
  text: ComponentChildren;
  role?: 'alert' | 'status';
  class?: string;
}) {
  if (!text) return null;
  return (
    <p class={className} role={role}>
      {text}
    </p>
  );
}
