// The accounts the end-to-end runs create on their throwaway databases (test-only passwords).
export const E2E_USERS = {
  admin: { username: 'e2e-admin', displayName: '赵管理', role: 'admin', password: 'admin-pass-2026' },
  coordinator: { username: 'e2e-coord', displayName: '王芳', role: 'coordinator', password: 'coord-pass-2026' },
  viewer: { username: 'e2e-viewer', displayName: '李观察', role: 'viewer', password: 'viewer-pass-2026' },
} as const;

export type E2ERole = keyof typeof E2E_USERS;
