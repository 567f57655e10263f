//! Generated container names, `adjective_surname` like Docker's.

use super::record::Containers;

const ADJECTIVES: &[&str] = &[
    "admiring", "adoring", "affectionate", "agitated", "amazing", "angry", "awesome", "beautiful", "blissful",
    "bold", "boring", "brave", "busy", "charming", "clever", "compassionate", "competent", "condescending",
    "confident", "cool", "cranky", "crazy", "dazzling", "determined", "distracted", "dreamy", "eager", "ecstatic",
    "elastic", "elated", "elegant", "eloquent", "epic", "exciting", "fervent", "festive", "flamboyant", "focused",
    "friendly", "frosty", "funny", "gallant", "gifted", "goofy", "gracious", "great", "happy", "hardcore",
    "heuristic", "hopeful", "hungry", "infallible", "inspiring", "intelligent", "interesting", "jolly", "jovial",
    "keen", "kind", "laughing", "loving", "lucid", "magical", "modest", "musing", "mystifying", "naughty",
    "nervous", "nice", "nifty", "nostalgic", "objective", "optimistic", "peaceful", "pedantic", "pensive",
    "practical", "priceless", "quirky", "quizzical", "recursing", "relaxed", "reverent", "romantic", "sad",
    "serene", "sharp", "silly", "sleepy", "stoic", "strange", "stupefied", "suspicious", "sweet", "tender",
    "thirsty", "trusting", "unruffled", "upbeat", "vibrant", "vigilant", "vigorous", "wizardly", "wonderful",
    "xenodochial", "youthful", "zealous", "zen",
];

const NOUNS: &[&str] = &[
    "agnesi", "albattani", "allen", "archimedes", "ardinghelli", "babbage", "banach", "bardeen", "bartik",
    "bassi", "bell", "benz", "bhabha", "blackwell", "bohr", "booth", "borg", "bose", "boyd", "brahmagupta",
    "brattain", "brown", "buck", "burnell", "cannon", "carson", "cartwright", "cerf", "chandrasekhar", "chaum",
    "clarke", "colden", "cori", "cray", "curie", "darwin", "davinci", "dijkstra", "dirac", "driscoll",
    "dubinsky", "easley", "edison", "einstein", "elion", "engelbart", "euclid", "euler", "faraday", "fermat",
    "fermi", "feynman", "franklin", "galileo", "gauss", "goldberg", "goodall", "haibt", "hamilton", "hawking",
    "heisenberg", "hermann", "hodgkin", "hoover", "hopper", "hypatia", "jackson", "jang", "jennings", "jepsen",
    "johnson", "joliot", "kalam", "kapitsa", "keldysh", "kepler", "khorana", "kilby", "knuth", "lamarr",
    "lamport", "leakey", "leavitt", "lehmann", "liskov", "lovelace", "lumiere", "mayer", "mccarthy",
    "mcclintock", "meitner", "mendel", "mirzakhani", "montalcini", "morse", "napier", "nash", "neumann",
    "newton", "nobel", "noether", "northcutt", "noyce", "pascal", "pasteur", "payne", "perlman", "pike",
    "poincare", "ptolemy", "raman", "ramanujan", "ride", "ritchie", "roentgen", "rosalind", "sammet", "shannon",
    "shirley", "sinoussi", "snyder", "spence", "stonebraker", "sutherland", "swanson", "swartz", "tesla",
    "thompson", "torvalds", "turing", "varahamihira", "villani", "volhard", "wescoff", "wiles", "williams",
    "wilson", "wing", "wozniak", "wright", "wu", "yalow", "yonath", "zhukovsky",
];

fn random_u32() -> u32 {
    let mut b = [0u8; 4];
    let _ = std::fs::File::open("/dev/urandom").and_then(|mut f| std::io::Read::read_exact(&mut f, &mut b));
    u32::from_le_bytes(b)
}

/// A name no container has yet.
pub fn generate(containers: &Containers) -> anyhow::Result<String> {
    for attempt in 0..100u32 {
        let r = random_u32();
        let a = ADJECTIVES[(r as usize) % ADJECTIVES.len()];
        let n = NOUNS[((r >> 16) as usize) % NOUNS.len()];
        let name = if attempt < 10 { format!("{a}_{n}") } else { format!("{a}_{n}{}", attempt) };
        if !containers.name_in_use(&name)? {
            return Ok(name);
        }
    }
    anyhow::bail!("could not find an unused container name")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_adjective_underscore_noun() {
        let dir = tempfile::tempdir().unwrap();
        let c = Containers::open(&dir.path().join("g"), &dir.path().join("r")).unwrap();
        let n = generate(&c).unwrap();
        let (a, b) = n.split_once('_').unwrap();
        assert!(ADJECTIVES.contains(&a) && NOUNS.contains(&b), "{n}");
        assert!(super::super::lifecycle::check_name(&n).is_ok());
    }
}
