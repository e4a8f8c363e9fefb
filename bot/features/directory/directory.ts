import { NotFound } from '../../policy/errors';
import { fold } from '../../nlu/entities';
import { GraphApi } from '../../graph/graphApi';

/** A person of the directory, as the dialogs show and choose them. */
export interface Person {
  id: string;
  displayName: string;
  userPrincipalName: string;
  jobTitle: string | null;
  department: string | null;
}

const SELECT = '$select=id,displayName,userPrincipalName,jobTitle,department,givenName,surname';
const quote = (value: string) => value.replace(/'/g, "''");

export class DirectoryService {
  constructor(private readonly graph: GraphApi) {}

  /** By e-mail (UPN) or object id; NotFound names what was asked for. */
  async person(upnOrId: string): Promise<Person> {
    try {
      return toPerson(await this.graph.get<GraphUser>(`/users/${encodeURIComponent(upnOrId)}?${SELECT}`, `looking up ${upnOrId}`));
    } catch (error) {
      if (error instanceof NotFound) throw new NotFound(`No user ${upnOrId}`, { who: upnOrId }, error.requestId);
      throw error;
    }
  }

  /** The user's manager, or undefined when the directory names none. */
  async managerOf(userId: string): Promise<Person | undefined> {
    try {
      return toPerson(await this.graph.get<GraphUser>(`/users/${encodeURIComponent(userId)}/manager?${SELECT}`, 'reading the manager'));
    } catch (error) {
      if (error instanceof NotFound) return undefined;
      throw error;
    }
  }

  /** The group best named by these words (each word must start a word of its name), or undefined. */
  async group(words: string[]): Promise<Group | undefined> {
    const terms = words.filter((w) => w.length >= 3).slice(0, 3);
    if (terms.length === 0) return undefined;
    const search = terms.map((t) => `"displayName:${t.replace(/"/g, '')}"`).join(' OR ');
    const groups = await this.graph.getAll<Group>(
      `/groups?$search=${encodeURIComponent(search)}&$select=id,displayName&$top=10`,
      'searching the groups',
      { ConsistencyLevel: 'eventual' },
      10,
    );
    const folded = terms.map(fold);
    const score = (g: Group) =>
      folded.filter((t) =>
        fold(g.displayName)
          .split(/[^\p{L}\p{N}]+/u)
          .some((w) => w.startsWith(t)),
      ).length;
    return groups.sort((a, b) => score(b) - score(a))[0];
  }

  /** The people of a department (the user property), matched whole, case ignored: « ventes » finds "Ventes". */
  async department(name: string): Promise<Person[]> {
    const users = await this.graph.getAll<GraphUser>(
      `/users?$filter=${encodeURIComponent(`department eq '${quote(name)}'`)}&${SELECT}&$top=999`,
      `listing the ${name} department`,
    );
    return users.map(toPerson);
  }

  /** The people who hold a plan (directly or through a group), by its skuId, in name order. */
  async holdersOf(skuId: string): Promise<Person[]> {
    const users = await this.graph.getAll<GraphUser>(
      `/users?$filter=${encodeURIComponent(`assignedLicenses/any(s:s/skuId eq ${skuId})`)}&${SELECT}&$top=999`,
      'listing the holders of a licence',
    );
    return users.map(toPerson).sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  /** The people whose account is enabled and who hold no licence at all, in name order (an advanced query: ConsistencyLevel and $count). */
  async withoutLicence(): Promise<Person[]> {
    const users = await this.graph.getAll<GraphUser>(
      `/users?$filter=${encodeURIComponent('assignedLicenses/$count eq 0 and accountEnabled eq true')}&$count=true&${SELECT}&$top=999`,
      'listing the people without a licence',
      { ConsistencyLevel: 'eventual' },
    );
    return users.map(toPerson).sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  /** The people of a group (its direct members that are users). */
  async members(group: Group): Promise<Person[]> {
    const members = await this.graph.getAll<GraphUser & { '@odata.type'?: string }>(
      `/groups/${group.id}/members?${SELECT}&$top=999`,
      `listing the members of ${group.displayName}`,
    );
    return members.filter((m) => !m['@odata.type'] || m['@odata.type'] === '#microsoft.graph.user').map(toPerson);
  }

  /**
   * People whose first name, last name, display name, address or sign-in name starts with the words
   * given (« Julie » finds Julie Roux and Julien Moreau; « lea », typed without its accent, finds Léa
   * Petit by lea.petit@…, whatever the directory makes of accents). Exact first or last names come first.
   */
  async findPeople(words: string[], limit = 10): Promise<PeopleFound> {
    const terms = [...new Set(words.map((w) => w.trim()).filter((w) => w.length >= 2))].slice(0, 4);
    if (terms.length === 0) return { people: [], partly: false };
    const clause = terms
      .flatMap((t) => [
        `startswith(givenName,'${quote(t)}')`,
        `startswith(surname,'${quote(t)}')`,
        `startswith(displayName,'${quote(t)}')`,
        // Addresses are written without accents: the word folded.
        `startswith(mail,'${quote(fold(t))}')`,
        `startswith(userPrincipalName,'${quote(fold(t))}')`,
      ])
      .join(' or ');
    const users = await this.graph.getAll<GraphUser>(`/users?$filter=${encodeURIComponent(clause)}&${SELECT}&$top=25`, 'searching the directory', {}, 25);
    const folded = terms.map(fold);
    const names = (u: GraphUser) => [
      ...[u.givenName, u.surname, u.displayName].flatMap((n) => (n ? fold(n).split(/\s+/) : [])),
      ...addressNames(u.userPrincipalName),
    ];
    const named = (u: GraphUser) => folded.filter((t) => names(u).some((part) => part.startsWith(t))).length;
    const exact = (u: GraphUser) => folded.filter((t) => [u.givenName, u.surname].some((n) => n && fold(n) === t)).length;
    // « Julie Roux » keeps only those matching both words; a word that names nobody does not empty the list.
    // When one word alone matched and another did not, the people found may not be the one meant
    // (« Victor Durand » finds Victor Henry); a first and last name both found is the person, whatever
    // other word came with them (« ôte le rôle … à Sophie Laurent »: « ote » is no name).
    const best = Math.max(0, ...users.map(named));
    // « julie » is Julie Roux, not Julien Moreau too: a name typed whole leaves out those it only begins.
    const bestExact = Math.max(0, ...users.filter((u) => named(u) === best).map(exact));
    const people = users
      .filter((u) => named(u) === best && exact(u) === bestExact)
      .sort((a, b) => a.displayName.localeCompare(b.displayName))
      .slice(0, limit)
      .map(toPerson);
    // « Paul Fontaine et Léa Petit », "Paul and Julie": two people or more, each named by their own first
    // name. Those are offered, one at a time (not Pauline, whose name only starts with « paul »).
    const firstNamed = users.filter((u) => u.givenName && folded.includes(fold(u.givenName)));
    if (new Set(firstNamed.map((u) => fold(u.givenName!))).size >= 2) {
      const each = firstNamed
        .sort((a, b) => a.displayName.localeCompare(b.displayName))
        .slice(0, limit)
        .map(toPerson);
      return { people: each, partly: false, several: true };
    }
    return { people, partly: people.length > 0 && best < folded.length && best < 2 };
  }
}

/**
 * The people a name finds; `partly` when they match one of its words only (a first name, not the
 * surname typed with it); `several` when the words name two people or more, each by their own first
 * name (« Paul Fontaine et Léa Petit », "Paul and Julie"): only those are in `people`.
 */
export interface PeopleFound {
  people: Person[];
  partly: boolean;
  several?: boolean;
}

export interface Group {
  id: string;
  displayName: string;
}

interface GraphUser {
  id: string;
  displayName: string;
  userPrincipalName: string;
  givenName?: string | null;
  surname?: string | null;
  jobTitle?: string | null;
  department?: string | null;
}

/** What an address says of a name: « lea.petit@… » gives lea.petit, lea and petit. */
function addressNames(address: string): string[] {
  const local = fold(address.split('@')[0]);
  return [local, ...local.split(/[._-]+/)];
}

function toPerson(u: GraphUser): Person {
  return { id: u.id, displayName: u.displayName, userPrincipalName: u.userPrincipalName, jobTitle: u.jobTitle ?? null, department: u.department ?? null };
}
