//! Lists, maps, structs and variants: each entry walked under its place in the path.

use serde::ser::{self, Serialize};

use super::serializer::Stop;
use super::{Step, Walker};

/// Lists, tuples and tuple structs alike: each element is an entry of the list.
macro_rules! entries {
    ($($kind:ident :: $method:ident),*) => {$(
        impl ser::$kind for &mut Walker {
            type Ok = ();
            type Error = Stop;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
                self.entry(value)
            }
            fn end(self) -> Result<(), Stop> {
                self.end_list();
                Ok(())
            }
        }
    )*};
}

entries!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field
);

impl ser::SerializeTupleVariant for &mut Walker {
    type Ok = ();
    type Error = Stop;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
        self.entry(value)
    }
    fn end(self) -> Result<(), Stop> {
        self.end_list();
        self.path.pop();
        Ok(())
    }
}

impl ser::SerializeMap for &mut Walker {
    type Ok = ();
    type Error = Stop;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Stop> {
        self.key = Some(String::new());
        let done = key.serialize(&mut **self);
        let key = self.key.take().unwrap_or_default();
        self.path.push(Step::Key(key));
        done
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
        let done = value.serialize(&mut **self);
        self.path.pop();
        done
    }
    fn end(self) -> Result<(), Stop> {
        Ok(())
    }
}

impl ser::SerializeStruct for &mut Walker {
    type Ok = ();
    type Error = Stop;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Stop> {
        self.within(Step::Field(key), value)
    }
    fn end(self) -> Result<(), Stop> {
        Ok(())
    }
}

impl ser::SerializeStructVariant for &mut Walker {
    type Ok = ();
    type Error = Stop;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Stop> {
        self.within(Step::Field(key), value)
    }
    fn end(self) -> Result<(), Stop> {
        self.path.pop();
        Ok(())
    }
}
