/** An on/off switch: a real checkbox (keyboard and screen readers work) styled as a toggle. */
export interface SwitchProps {
  name: string;
  label: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}

export function Switch({ name, label, checked, disabled = false, onChange }: SwitchProps) {
  return (
    <label class="switch">
      <input
        type="checkbox"
        role="switch"
        name={name}
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      <span class="track" aria-hidden="true" />
      <span class="switch-label">{label}</span>
    </label>
  );
}
