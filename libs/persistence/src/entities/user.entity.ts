import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  username!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ type: 'text' })
  role!: string;

  @Column({ type: 'text', nullable: true })
  department!: string | null;

  /** Argon2id hash in PHC format. */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Where e-mail alerts go; without it the user gets none. */
  @Column({ type: 'text', nullable: true })
  email!: string | null;

  /** Channels the user wants alerts on, beyond the inbox that always keeps them (see NOTIFICATION_CHANNELS). */
  @Column({ name: 'preferred_channels', type: 'text', array: true, default: () => `'{in_app,email}'` })
  preferredChannels!: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
