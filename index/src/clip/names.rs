//! Given names that, in English-language news, nearly always belong to one sex: what lets "she
//! said" skip a Donald and "he said" skip a Hillary when the text has not said. Names borne by
//! both (Kelly, Terry, Lindsey, Jordan, Leslie…) are in neither list, and a name in neither
//! tells nothing.

#[rustfmt::skip]
const FEMALE: &[&str] = &[
    "abigail", "alice", "alicia", "alison", "allison", "amanda", "amy", "andrea", "angela", "ann",
    "anna", "anne", "barbara", "betsy", "betty", "beverly", "bonnie", "brenda", "carly", "carmel",
    "carol", "caroline", "catherine", "cheryl", "christina", "christine", "claire", "cynthia",
    "debbie", "deborah", "debra", "denise", "diana", "diane", "donna", "doris", "dorothy",
    "elaine", "elena", "elizabeth", "ellen", "emily", "emma", "erin", "evelyn", "gina", "gloria",
    "hannah", "heather", "heidi", "helen", "hillary", "huma", "irene", "ivanka", "jane", "janet",
    "janice", "jean", "jeanne", "jennifer", "jessica", "jill", "joan", "joanne", "joyce", "judith",
    "judy", "julia", "julie", "karen", "katherine", "kathleen", "kathy", "katie", "kellyanne",
    "kirsten", "laura", "lauren", "linda", "lisa", "loretta", "lori", "louise", "lucy", "maria",
    "marie", "marilyn", "martha", "mary", "maxine", "megan", "melania", "melanie", "melissa",
    "michelle", "nancy", "natalie", "nicole", "nikki", "olive", "pamela", "patricia", "paula",
    "rachel", "rebecca", "rosa", "ruth", "sally", "samantha", "sandra", "sara", "sarah", "sharon",
    "shirley", "sophia", "stephanie", "susan", "susana", "suzanne", "tammy", "teresa", "theresa",
    "tina", "tulsi", "valerie", "victoria", "virginia", "wendy",
];

#[rustfmt::skip]
const MALE: &[&str] = &[
    "aaron", "adam", "alan", "albert", "alexander", "andrew", "anthony", "arthur", "barack", "ben",
    "benjamin", "bernie", "bill", "bob", "bobby", "brad", "brian", "bruce", "carl", "charles",
    "chris", "christopher", "chuck", "corey", "craig", "dan", "daniel", "david", "dennis", "dick",
    "don", "donald", "doug", "douglas", "ed", "edward", "eric", "frank", "gary", "george",
    "gerald", "greg", "gregory", "harold", "harry", "henry", "howard", "jack", "james", "jason",
    "jeb", "jeff", "jeffrey", "jerry", "jim", "jimmy", "joe", "john", "johnny", "jonathan",
    "joseph", "josh", "joshua", "juan", "keith", "ken", "kenneth", "kevin", "larry", "lawrence",
    "mark", "martin", "matthew", "michael", "mike", "mitch", "newt", "nicholas", "nick", "patrick",
    "paul", "peter", "phil", "philip", "ralph", "raymond", "reince", "richard", "rick", "robert",
    "roger", "ron", "ronald", "roy", "rudy", "russell", "ryan", "scott", "sean", "stephen",
    "steve", "steven", "ted", "terence", "thomas", "tim", "timothy", "todd", "tom", "tony",
    "vladimir", "walter", "wayne", "william", "xi",
];

/// `Some(true)` for a name that begins with a woman's given name, `Some(false)` for a man's.
pub(crate) fn gender_of(name: &str) -> Option<bool> {
    let first = name.split_whitespace().next()?.to_lowercase();
    if FEMALE.binary_search(&first.as_str()).is_ok() {
        Some(true)
    } else if MALE.binary_search(&first.as_str()).is_ok() {
        Some(false)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lists_are_sorted_and_apart() {
        for list in [FEMALE, MALE] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
        assert!(FEMALE.iter().all(|f| !MALE.contains(f)));
    }

    #[test]
    fn a_given_name_tells_the_gender_and_others_tell_nothing() {
        assert_eq!(gender_of("Hillary Clinton"), Some(true));
        assert_eq!(gender_of("Donald Trump"), Some(false));
        assert_eq!(gender_of("Terry Strada"), None);
        assert_eq!(gender_of("Clinton"), None);
    }
}
