import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import * as argon2 from 'argon2';

/** argon2id password hashes (OWASP parameters: 19 MiB, 2 passes, 1 lane by default). */
@Injectable()
export class PasswordHasher {
  private readonly memoryCost: number;
  private dummyHash?: Promise<string>;

  constructor(config: ConfigService) {
    this.memoryCost = Number(config.get('ARGON2_MEMORY_KIB') ?? 19456);
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id, memoryCost: this.memoryCost, timeCost: 2, parallelism: 1 });
  }

  async verify(hash: string | undefined, password: string): Promise<boolean> {
    // Hash something even for unknown emails, so response time does not reveal which emails exist.
    const target = hash ?? (await (this.dummyHash ??= this.hash('farmlink-timing-equaliser')));
    try {
      return (await argon2.verify(target, password)) && hash !== undefined;
    } catch {
      return false;
    }
  }
}
