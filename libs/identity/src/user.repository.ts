import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { Role } from '@farmlink/shared';
import { User } from './user.entity';

export interface NewUser {
  email: string;
  passwordHash: string;
  displayName: string;
  role: Role;
  phone?: string | null;
  countyCode?: string | null;
  village?: string | null;
  povertyRegistered?: boolean;
  jurisdictionCode?: string | null;
}

/** All SQL about users. */
@Injectable()
export class UserRepository {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  async insert(user: NewUser, manager?: EntityManager): Promise<User> {
    const repo = manager ? manager.getRepository(User) : this.users;
    const saved = await repo.save(repo.create({ ...user, email: user.email.trim() }));
    return (await repo.findOneByOrFail({ id: saved.id }));
  }

  findById(id: string): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  /** Case-insensitive; includes the password hash. */
  findByEmailWithHash(email: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = lower(:email)', { email: email.trim() })
      .getOne();
  }

  async emailExists(email: string): Promise<boolean> {
    return this.users.createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email: email.trim() }).getExists();
  }
}
