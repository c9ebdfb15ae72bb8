package org.hotcog.tickets.internal.transcript;

import java.util.ArrayList;
import java.util.List;

import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

/** The objects of an archived JSON array (embeds, attachments, an embed's fields). */
final class JsonObjects {
    private JsonObjects() {
    }

    static List<DataObject> of(String jsonArray) {
        return of(DataArray.fromJson(jsonArray));
    }

    static List<DataObject> of(DataArray array) {
        List<DataObject> objects = new ArrayList<>(array.length());
        for (int i = 0; i < array.length(); i++) {
            objects.add(array.getObject(i));
        }
        return objects;
    }

    static List<DataObject> array(DataObject parent, String key) {
        return parent.optArray(key).map(JsonObjects::of).orElse(List.of());
    }
}
