import type { Named, Picture } from '../api';
import type { MapArea } from '../map';

export interface MyOrganisation {
  documentId: string;
  slug: string;
  name: string;
  description?: string | null;
  address?: string | null;
  postalCode?: string | null;
  city?: string | null;
  phone?: string | null;
  email?: string | null;
  website?: string | null;
  reminderEmail?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  approvalStatus?: 'pending' | 'approved' | 'rejected';
  isPublished: boolean;
  categories?: Named[];
  neighbourhoods?: Named[];
  logo?: Picture | null;
  /** How often the public page was viewed this quarter (the CMS's reach statistics). */
  reach?: { quarter: string; views: number };
}

export interface MyActivity {
  documentId: string;
  slug: string;
  title: string;
  description?: string | null;
  address?: string | null;
  startsAt?: string | null;
  endsAt?: string | null;
  cost?: number | null;
  costNote?: string | null;
  recurrence?: string | null;
  targetGroups?: string[] | null;
  capacity?: number | null;
  enrolmentUrl?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  categories?: Named[];
  image?: Picture | null;
  isPublished: boolean;
}

export interface Vocabularies {
  categories: Named[];
  neighbourhoods: Named[];
  /** Neighbourhood outlines: the background of the map to place a point on. */
  areas: MapArea[];
  /** The town has an address lookup (GEOCODER_URL): forms offer "Zoek op adres". */
  geocoder: boolean;
}
