'use client';
// The admin pages' one live status line: a dialog that closed on success says here what it did.
import { createContext, useContext, useState, type ReactNode } from 'react';

const NoticeContext = createContext<(message: string) => void>(() => {});

export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState('');
  return (
    <NoticeContext.Provider value={setNotice}>
      <p role="status" className={notice ? 'mb-4 rounded-md bg-green-50 px-3 py-2 text-sm text-ok-600 ring-1 ring-green-200' : 'sr-only'}>
        {notice}
      </p>
      {children}
    </NoticeContext.Provider>
  );
}

export const useNotice = () => useContext(NoticeContext);
