import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import './globals.css';
import '@/components/layout/pages.css'; // the console pages' shared styles, once for every page
import { NavBar } from '@/components/layout/nav-bar';

export const metadata: Metadata = {
  title: 'Trailbench',
  description: 'Query workbench for CloudTrail Lake SQL',
  icons: { icon: { url: '/icon.svg', type: 'image/svg+xml' } }, // public/icon.svg
};

export const viewport: Viewport = { themeColor: '#15191f' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="app-header">
          <span className="brand">Trailbench</span>
          <span className="brand-sub">CloudTrail Lake SQL workbench</span>
        </header>
        <NavBar />
        {children}
      </body>
    </html>
  );
}
