'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';

interface ModalDialogProps {
  title: ReactNode;
  className: string;
  onClose: () => void;
  children: ReactNode;
  /** Buttons after the built-in Close. */
  actions?: ReactNode;
}

/** A native modal <dialog>: focus is trapped, Escape closes it, focus returns where it was. */
export function ModalDialog({ title, className, onClose, children, actions }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement as HTMLElement | null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      opener?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={className}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="btn btn-small" onClick={onClose}>
          Close
        </button>
      </div>
      {children}
      {actions && <div className="dialog-actions">{actions}</div>}
    </dialog>
  );
}
