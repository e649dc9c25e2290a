import type { InputHTMLAttributes } from 'react';

export type SecretInputProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'autoComplete'
> & {
  /** Accepted for a Field's control props and ignored: a secret never autocompletes. */
  autoComplete?: string;
};

/**
 * A passphrase, recovery-key or file-password field that browsers do not offer to remember.
 * A password manager saves what is typed into `type="password"` fields, and a copied browser
 * profile holding a saved vault passphrase would undo the vault's encryption; so this is a text
 * field whose characters are drawn as discs (`-webkit-text-security`, honoured by Chromium and
 * Electron), with every autocomplete, spelling and password-manager hint turned off.
 */
export function SecretInput({ className, autoComplete: _ignored, ...props }: SecretInputProps) {
  return (
    <input
      {...props}
      type="text"
      className={className ? `secret ${className}` : 'secret'}
      autoComplete="off"
      autoCorrect="off"
      autoCapitalize="off"
      spellCheck={false}
      data-lpignore="true"
      data-1p-ignore="true"
      data-form-type="other"
    />
  );
}
