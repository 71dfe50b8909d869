import type { Core } from '@strapi/strapi';
import { itemUrl } from './links';
import type { PublicActivity, PublicOrganisation } from './public-items';
import { fullAddress, summarise } from './markup';

/** RFC 7946 FeatureCollections with what a map popup shows; items without coordinates have no place on a map. */

interface Feature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: Record<string, unknown>;
}

export interface FeatureCollection {
  type: 'FeatureCollection';
  features: Feature[];
}

const hasPoint = (item: { lat: number | null; lng: number | null }) => item.lat !== null && item.lng !== null;

const feature = (item: { documentId: string; lat: number | null; lng: number | null }, properties: Record<string, unknown>): Feature => ({
  type: 'Feature',
  id: item.documentId,
  // RFC 7946 §3.1.1: longitude first.
  geometry: { type: 'Point', coordinates: [item.lng!, item.lat!] },
  properties: { documentId: item.documentId, ...properties },
});

export function activitiesToGeoJson(strapi: Core.Strapi, activities: PublicActivity[], locale: string): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: activities.filter(hasPoint).map((a) =>
      feature(a, {
        slug: a.slug,
        title: a.title,
        summary: summarise(a.description),
        address: fullAddress(a),
        startsAt: a.startsAt?.toISOString() ?? null,
        endsAt: a.endsAt?.toISOString() ?? null,
        recurrence: a.recurrence?.rule ?? null,
        organisation: a.organisation && { slug: a.organisation.slug, name: a.organisation.name },
        categories: a.categories,
        neighbourhood: a.neighbourhood,
        free: !a.cost,
        locale: a.locale,
        url: itemUrl(strapi, locale, 'activities', a.slug),
      })
    ),
  };
}

export function organisationsToGeoJson(strapi: Core.Strapi, organisations: PublicOrganisation[], locale: string): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: organisations.filter(hasPoint).map((o) =>
      feature(o, {
        slug: o.slug,
        name: o.name,
        summary: summarise(o.description),
        address: fullAddress(o),
        phone: o.phone,
        email: o.email,
        website: o.website,
        categories: o.categories,
        neighbourhoods: o.neighbourhoods,
        locale: o.locale,
        url: itemUrl(strapi, locale, 'organisations', o.slug),
      })
    ),
  };
}
