import type { FastifyInstance } from 'fastify';
import { ApiError, notFound } from '../http/errors';
import { ok } from '../http/envelope';
import type { GatewayServices } from '../services';
import type { Role } from '../store/users';
import { caller } from './guard';
import { presentUser } from './present';
import { roleBody, userIdParams, userReply, usersReply } from './schemas';

/** Admins list users and change roles. */
export async function adminUserRoutes(app: FastifyInstance, { services }: { services: GatewayServices }) {
  const { users, clock } = services;

  app.get('/admin/users', {
    config: { access: 'admin' },
    schema: { operationId: 'listUsers', summary: 'Everyone who ever signed in', tags: ['admin'], response: { 200: usersReply } },
  }, async () => ok((await users.list()).map(presentUser)));

  app.patch<{ Params: { id: number }; Body: { role: Role } }>('/admin/users/:id/role', {
    config: { access: 'admin', refusals: ['NOT_FOUND', 'CANNOT_DEMOTE_SELF'] },
    schema: { operationId: 'changeUserRole', summary: "Change someone's role", tags: ['admin'], params: userIdParams, body: roleBody, response: { 200: userReply } },
  }, async (request) => {
    const { id } = request.params;
    const target = await users.byId(id);
    if (!target) throw notFound('user');
    if (id === caller(request).user.id && request.body.role !== 'admin') {
      throw new ApiError('CANNOT_DEMOTE_SELF', 'You cannot take away your own admin role');
    }
    await users.setRole(id, request.body.role, clock.now());
    return ok(presentUser((await users.byId(id))!));
  });
}
