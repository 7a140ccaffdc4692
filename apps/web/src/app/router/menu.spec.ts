import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter, type RouteRecordRaw } from 'vue-router';
import { withPlugins } from '@/test-utils/mount';
import SideMenu from '@/layouts/basic-layout/components/side-menu.vue';
import { buildMenu } from './menu';
import { layoutRoutes } from './module-routes';

const Empty = { render: () => null };

const records: RouteRecordRaw[] = [
  { path: '/home', component: Empty, meta: { title: 'menu.home', order: 1 } },
  { path: '/403', component: Empty, meta: { title: 'exception.forbidden', hideInMenu: true } },
  {
    path: '/admin',
    meta: { title: 'menu.system', roles: ['ADMIN'], order: 90 },
    children: [{ path: 'users', component: Empty, meta: { title: 'menu.users', roles: ['ADMIN'] } }],
  },
  {
    path: '/cases',
    meta: { title: 'cases', order: 10 },
    children: [
      { path: 'intake', component: Empty, meta: { title: 'intake', roles: ['RECEPTIONIST'] } },
      { path: 'mediation', component: Empty, meta: { title: 'mediation', roles: ['MEDIATOR'] } },
    ],
  },
];

describe('buildMenu', () => {
  it('shows admin-only entries to ADMIN, ordered, with full child paths', () => {
    const menu = buildMenu(records, ['ADMIN']);
    expect(menu.map((m) => m.path)).toEqual(['/home', '/admin']);
    expect(menu[1]?.children?.map((c) => c.path)).toEqual(['/admin/users']);
  });

  it('hides admin-only entries from other roles', () => {
    const menu = buildMenu(records, ['RECEPTIONIST']);
    expect(menu.map((m) => m.path)).toEqual(['/home', '/cases']);
    expect(menu[1]?.children?.map((c) => c.path)).toEqual(['/cases/intake']);
  });

  it('drops a group when none of its children is allowed', () => {
    const menu = buildMenu(records, ['SUPERVISOR']);
    expect(menu.map((m) => m.path)).toEqual(['/home']);
  });

  it('keeps user management for ADMIN only in the real route table', () => {
    const paths = (roles: Parameters<typeof buildMenu>[1]) =>
      buildMenu(layoutRoutes, roles).flatMap((m) => [m.path, ...(m.children ?? []).map((c) => c.path)]);
    expect(paths(['ADMIN'])).toContain('/admin/users');
    expect(paths(['RECEPTIONIST', 'DIRECTOR'])).not.toContain('/admin/users');
    expect(paths(['RECEPTIONIST'])).toContain('/home');
    expect(paths(['RECEPTIONIST'])).not.toContain('/403');
  });
});

describe('SideMenu', () => {
  async function renderFor(roles: Parameters<typeof buildMenu>[1]) {
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: Empty }] });
    await router.push('/home');
    const wrapper = mount(SideMenu, {
      props: { items: buildMenu(layoutRoutes, roles), activePath: '/home' },
      global: { plugins: [...withPlugins().plugins, router] },
    });
    return wrapper;
  }

  it('renders 用户管理 under 系统管理 for an administrator', async () => {
    const wrapper = await renderFor(['ADMIN']);
    expect(wrapper.text()).toContain('工作台');
    expect(wrapper.text()).toContain('系统管理');
    wrapper.unmount();
  });

  it('does not render 系统管理 for a city operator', async () => {
    const wrapper = await renderFor(['RECEPTIONIST']);
    expect(wrapper.text()).toContain('工作台');
    expect(wrapper.text()).not.toContain('系统管理');
    expect(wrapper.text()).not.toContain('用户管理');
    wrapper.unmount();
  });
});
