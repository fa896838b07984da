import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn } from '@farmlink/database/columns';

/** A public programme, e.g. a national rural e-commerce pilot, with enrolled counties. */
@Entity({ name: 'programmes' })
export class Programme {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'date', name: 'start_date' })
  startDate: string;

  @Column({ type: 'date', name: 'end_date', nullable: true })
  endDate: string | null;

  @CreatedAtColumn()
  createdAt: Date;
}

@Entity({ name: 'programme_counties' })
export class ProgrammeCounty {
  @Column({ type: 'uuid', name: 'programme_id', primary: true })
  programmeId: string;

  @Column({ type: 'char', length: 6, name: 'county_code', primary: true })
  countyCode: string;

  @Column({ type: 'date', name: 'enrolled_on' })
  enrolledOn: string;
}
